import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { seenAnswerShape } from '../../../contract/answer-checks'
import type { SeenAnswer } from '../../../contract/history'
import { getJson, inWorkspace, type RequestContext } from '../../../lib/api-request'
import { modelKeys } from '../../../lib/query-keys'

const DAY_MS = 86_400_000
/** A model first seen this recently is "New". */
export const NEW_FOR_DAYS = 14

function fetchSeen(workspace: string | null, since: string | null, context: RequestContext): Promise<SeenAnswer> {
  const search = inWorkspace(workspace, new URLSearchParams(since ? { since } : {}))
  return getJson('/api/seen', search, seenAnswerShape, context)
}

/** When a workspace's history first and last saw the models that came or went (since a day, or ever). */
export function seenQueryOptions(workspace: string | null, since: string | null) {
  return queryOptions({
    queryKey: modelKeys.seen(workspace, since),
    queryFn: ({ signal, client }) => fetchSeen(workspace, since, { signal, client }),
    staleTime: 60_000,
    // Without a history (503) the page simply shows no "New" badges: no retries, no error on screen.
    retry: false,
  })
}

/** The ids of the models first seen within the last 14 days and still in the catalogue. */
export function useNewModelIds(workspace: string | null, now: number): ReadonlySet<string> {
  const cutoff = now - NEW_FOR_DAYS * DAY_MS
  // Asked by day, so the query key moves once a day, not every minute.
  const since = new Date(cutoff).toISOString().slice(0, 10)
  const { data } = useQuery(seenQueryOptions(workspace, since))
  return useMemo(
    () =>
      new Set(
        (data?.data ?? [])
          .filter((seen) => !seen.baseline && seen.removed_at === null && Date.parse(seen.first_seen) >= cutoff)
          .map((seen) => seen.model_id),
      ),
    [data, cutoff],
  )
}
