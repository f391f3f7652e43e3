import { queryOptions, useQuery } from '@tanstack/react-query'
import { type Me, meSchema } from '../../../contract/me'

/** Who the server takes this browser to be; null when it cannot say (its answer is not needed to use the page). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  const response = await fetch('/api/me', { signal, headers: { Accept: 'application/json' } })
  if (!response.ok) return null
  const parsed = meSchema.safeParse(await response.json())
  return parsed.success ? parsed.data : null
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => fetchMe(signal),
    // It changes only by signing in or out, which reload the page.
    staleTime: Infinity,
    retry: false,
  })
}

export function useMe() {
  return useQuery(meQueryOptions())
}
