import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { seenAnswerShape } from '../../../contract/answer-checks'
import type { SeenAnswer } from '../../../contract/history'
import { getJson, inWorkspace, type RequestContext } from '../../../lib/api-request'
import { modelKeys } from '../../../lib/query-keys'

const DAY_MS = 86_400_000
/** A model first seen this recently is "New". */
export const NEW_FOR_DAYS = 14

// The server's most a page (MAX_CHANGES_LIMIT; the contract's value is not imported here, to keep zod out of the
// entry). A page may hold fewer: the server also ends one at 512 KiB.
export const SEEN_PAGE_SIZE = 1_000
/** Pages followed at most: 5,000 models (2.5 MiB), far more than a catalogue changes in weeks, yet bounded. */
export const MAX_SEEN_PAGES = 5

/** The models the history tells apart, by id, as far as the pages followed go. */
export type SeenModels = Omit<SeenAnswer, 'first_id' | 'last_id' | 'has_more'> & {
  /** The history lists more than MAX_SEEN_PAGES pages hold: `data` has the first of them, by id. */
  truncated: boolean
}

/** One page of /api/seen: `model_id` for one model's record, `after_id` for the page after a model. */
export function fetchSeenPage(
  workspace: string | null,
  params: Record<string, string>,
  context: RequestContext,
): Promise<SeenAnswer> {
  return getJson('/api/seen', inWorkspace(workspace, new URLSearchParams(params)), seenAnswerShape, context)
}

/** Follows the pages of /api/seen (since a day, or ever) up to MAX_SEEN_PAGES; any page failing fails the whole. */
async function fetchSeen(workspace: string | null, since: string | null, context: RequestContext): Promise<SeenModels> {
  const data: SeenAnswer['data'] = []
  for (let pages = 1, after: string | null = null; ; pages += 1) {
    const page = await fetchSeenPage(
      workspace,
      { limit: String(SEEN_PAGE_SIZE), ...(since ? { since } : {}), ...(after ? { after_id: after } : {}) },
      context,
    )
    data.push(...page.data)
    if (!page.has_more || page.last_id === null || pages === MAX_SEEN_PAGES) {
      const { first_id: _first, last_id: _last, has_more: hasMore, ...rest } = page
      return { ...rest, data, truncated: hasMore }
    }
    after = page.last_id
  }
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

export interface NewModels {
  /** The models first seen within the last 14 days and still in the catalogue. */
  ids: ReadonlySet<string>
  /** More models came or went in those days than the pages followed hold: some "New" badges may be missing. */
  truncated: boolean
  /** How many models came or went that the pages followed held (those the badges are taken from). */
  loaded: number
}

export function useNewModels(workspace: string | null, now: number): NewModels {
  const cutoff = now - NEW_FOR_DAYS * DAY_MS
  // Asked by day, so the query key moves once a day, not every minute.
  const since = new Date(cutoff).toISOString().slice(0, 10)
  const { data } = useQuery(seenQueryOptions(workspace, since))
  const ids = useMemo(
    () =>
      new Set(
        (data?.data ?? [])
          .filter((seen) => !seen.baseline && seen.removed_at === null && Date.parse(seen.first_seen) >= cutoff)
          .map((seen) => seen.model_id),
      ),
    [data, cutoff],
  )
  return { ids, truncated: data?.truncated ?? false, loaded: data?.data.length ?? 0 }
}
