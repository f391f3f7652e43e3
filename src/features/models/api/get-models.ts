import { type InfiniteData, infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query'
import { facetParams, listParamsToSearch } from '../../../contract/list-params'
import { modelPageShape } from '../../../contract/answer-checks'
import type { ModelPage } from '../../../contract/model'
import { getJson, inWorkspace, type RequestContext } from '../../../lib/api-request'
import { modelKeys, type ModelsView, type PageCursor } from '../../../lib/query-keys'

/**
 * Going back and forth keeps at most this many pages per view in memory; an
 * older one is fetched again (through its neighbour's cursor) when needed.
 */
export const MAX_CACHED_PAGES = 10

/** The query string of one page's request: the view, and where the page starts. */
export function modelsPageSearch(view: ModelsView, cursor: PageCursor, refresh = false): URLSearchParams {
  const search = listParamsToSearch({
    limit: view.limit,
    q: view.q || undefined,
    sort: view.sort ?? undefined,
    lifecycle: view.lifecycle,
    ...facetParams(view),
    after_id: cursor.after_id,
    before_id: cursor.before_id,
    refresh,
  })
  return inWorkspace(view.workspace, search)
}

export function fetchModelsPage(
  view: ModelsView,
  cursor: PageCursor,
  { refresh = false, ...context }: RequestContext & { refresh?: boolean } = {},
): Promise<ModelPage> {
  return getJson('/api/models', modelsPageSearch(view, cursor, refresh), modelPageShape, context)
}

/**
 * The cursor pages of one view. The view is the key; the first page fetched is
 * wherever the URL starts (a link can open in the middle), and the pages before
 * it come through `before_id`.
 */
export function modelPagesQueryOptions(view: ModelsView, startAt: PageCursor) {
  return infiniteQueryOptions<
    ModelPage,
    Error,
    InfiniteData<ModelPage, PageCursor>,
    ReturnType<typeof modelKeys.list>,
    PageCursor
  >({
    queryKey: modelKeys.list(view),
    queryFn: ({ pageParam, signal, client }) => fetchModelsPage(view, pageParam, { signal, client }),
    initialPageParam: startAt,
    getNextPageParam: (page, _pages, param) => cursorAfter(page, param),
    getPreviousPageParam: (page, _pages, param) => cursorBefore(page, param),
    maxPages: MAX_CACHED_PAGES,
    // A new view keeps the old rows on screen until its first page arrives.
    placeholderData: keepPreviousData,
  })
}

// `has_more` speaks of the direction a page was asked in. The other direction
// comes from where the page sits in the view (`offset` of `total`).

/** The cursor of the page after this one, if there is one. */
export function cursorAfter(page: ModelPage, fetchedWith: PageCursor): PageCursor | undefined {
  const moreAfter = fetchedWith.before_id ? page.offset + page.data.length < page.total : page.has_more
  return moreAfter && page.last_id ? { after_id: page.last_id } : undefined
}

/** The cursor of the page before this one, if there is one. */
export function cursorBefore(page: ModelPage, fetchedWith: PageCursor): PageCursor | undefined {
  const moreBefore = fetchedWith.before_id ? page.has_more : page.offset > 0
  return moreBefore && page.first_id ? { before_id: page.first_id } : undefined
}
