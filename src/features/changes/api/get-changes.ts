import { infiniteQueryOptions } from '@tanstack/react-query'
import type { ChangeKind } from '../../../contract/change-kinds'
import { type ChangesPage, changesPageSchema } from '../../../contract/history'
import { getJson, inWorkspace, type RequestContext } from '../../../lib/api-request'
import { modelKeys } from '../../../lib/query-keys'

const CHANGES_PAGE_SIZE = 50

function fetchChanges(
  workspace: string | null,
  kinds: readonly ChangeKind[] | null,
  since: string | null,
  afterId: number | null,
  context: RequestContext,
): Promise<ChangesPage> {
  const search = inWorkspace(workspace, new URLSearchParams({ limit: String(CHANGES_PAGE_SIZE) }))
  if (kinds) search.set('kind', kinds.join(','))
  if (since) search.set('since', since)
  if (afterId !== null) search.set('after_id', String(afterId))
  return getJson('/api/changes', search, changesPageSchema, context)
}

/**
 * A workspace's recorded changes of some kinds (null: every kind) since a day (`2026-10-03`; null: ever),
 * newest first, a cursor page at a time (older ones after `last_id`).
 */
export function changesQueryOptions(
  workspace: string | null,
  kinds: readonly ChangeKind[] | null,
  since: string | null,
) {
  return infiniteQueryOptions({
    queryKey: modelKeys.changes(workspace, kinds, since),
    queryFn: ({ pageParam, signal, client }) => fetchChanges(workspace, kinds, since, pageParam, { signal, client }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => (page.has_more ? page.last_id : undefined),
    staleTime: 60_000,
  })
}
