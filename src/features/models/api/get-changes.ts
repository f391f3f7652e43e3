import { infiniteQueryOptions } from '@tanstack/react-query'
import { type ChangesPage, changesPageSchema } from '../../../contract/history'
import { getJson } from './api-request'
import { modelKeys } from './model-keys'

const CHANGES_PAGE_SIZE = 50

function fetchChanges(afterId: number | null, signal?: AbortSignal): Promise<ChangesPage> {
  const search = new URLSearchParams({ limit: String(CHANGES_PAGE_SIZE) })
  if (afterId !== null) search.set('after_id', String(afterId))
  return getJson('/api/changes', search, changesPageSchema, signal)
}

/** The catalogue's recorded changes, newest first, a cursor page at a time (older ones after `last_id`). */
export function changesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...modelKeys.all, 'changes'] as const,
    queryFn: ({ pageParam, signal }) => fetchChanges(pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => (page.has_more ? page.last_id : undefined),
    staleTime: 60_000,
  })
}
