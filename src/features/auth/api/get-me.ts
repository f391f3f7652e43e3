import { queryOptions, useQuery } from '@tanstack/react-query'
import { meShape } from '../../../contract/answer-checks'
import type { Me } from '../../../contract/me'
import { apiGet, type RequestContext } from '../../../lib/api-request'

/** Who the server takes this browser to be; null when it cannot say (its answer is not needed to use the page). */
async function fetchMe(context: RequestContext): Promise<Me | null> {
  const response = await apiGet('/api/me', new URLSearchParams(), context)
  if (!response.ok) return null
  const parsed = meShape.safeParse(await response.json())
  return parsed.success ? parsed.data : null
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal, client }) => fetchMe({ signal, client }),
    // It changes only by signing in or out, which reload the page.
    staleTime: Infinity,
    retry: false,
  })
}

export function useMe() {
  return useQuery(meQueryOptions())
}
