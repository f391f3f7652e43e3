import { createParser, createSerializer, parseAsString } from '../../../lib/url-params'
import { useQueryStates } from '../../../hooks/use-query-states'
import { parseAsFlag } from '../../../lib/url-flag'
import { useMemo } from 'react'
import { type AvailabilitySort, isAvailabilitySort } from '../../../contract/availability'
import { MAX_QUERY_LENGTH } from '../../../contract/list-params'
import type { AvailabilityQuery, PageCursor } from '../../../lib/query-keys'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { useHistoryRule } from '../../../hooks/use-history-rule'
import { FILTER_DEBOUNCE_MS, modelId, useShareableLink } from '../../models/hooks/use-models-search-params'

/** The availability view's own URL state, apart from the model list's, so switching views keeps both. */
const searchParams = {
  avail_q: parseAsString.withDefault(''),
  avail_sort: createParser({
    parse: (value: string) => (isAvailabilitySort(value) ? value : null),
    serialize: (value: AvailabilitySort) => value,
  }),
  avail_differs: parseAsFlag.withDefault(false),
  avail_after: modelId,
  avail_before: modelId,
}

const NO_CURSOR = { avail_after: null, avail_before: null }

// The query string of this view's state, added to the rest of the page's (the models' state).
const serialize = createSerializer(searchParams)

/**
 * The Availability view's state, which is the URL: filter, sort, "only
 * differences" and the page's cursor. History follows useHistoryRule: typing
 * pushes at its first keystroke and then replaces; sorting, ticking and paging
 * push. The query gets the debounced filter.
 */
export function useAvailabilitySearchParams() {
  const [params, setParams] = useQueryStates(searchParams)
  const historyFor = useHistoryRule()
  const q = params.avail_q.slice(0, MAX_QUERY_LENGTH)
  const debouncedQ = useDebouncedValue(q, FILTER_DEBOUNCE_MS).trim()
  const { avail_sort: sort, avail_differs: differs, avail_after: afterId, avail_before: beforeId } = params

  const query = useMemo<AvailabilityQuery>(() => {
    const cursor: PageCursor = afterId ? { after_id: afterId } : beforeId ? { before_id: beforeId } : {}
    return { q: debouncedQ, sort, differs, cursor }
  }, [debouncedQ, sort, differs, afterId, beforeId])

  const actions = useMemo(
    () => ({
      setFilter: (value: string) =>
        setParams(
          { avail_q: value.slice(0, MAX_QUERY_LENGTH) || null, ...NO_CURSOR },
          { history: historyFor('avail_q') },
        ),
      setSort: (next: AvailabilitySort | null) =>
        setParams({ avail_sort: next, ...NO_CURSOR }, { history: historyFor() }),
      setDiffers: (next: boolean) =>
        setParams({ avail_differs: next || null, ...NO_CURSOR }, { history: historyFor() }),
      goToPage: (to: PageCursor) =>
        setParams({ avail_after: to.after_id ?? null, avail_before: to.before_id ?? null }, { history: historyFor() }),
      /** The page in the URL is gone: show the first page of the same view instead. */
      goToFirstPageInstead: () => setParams(NO_CURSOR),
    }),
    [setParams, historyFor],
  )

  // Read from the state, not `window.location` (written a moment late), like the models view's link.
  const pageLink = useShareableLink()
  const shareableLink = () => serialize(pageLink(), { ...params, avail_q: q || null, avail_differs: differs || null })

  return { q, sort, differs, query, isFilterPending: q.trim() !== debouncedQ, shareableLink, ...actions }
}
