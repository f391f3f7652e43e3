import { lifecyclesOf, listParamsToSearch, type ParseResult } from '../../contract/list-params'
import { type ListParams, parseListParams } from '../../contract/list-params-schema'
import { etagFor, matchesEtag } from '../etag'
import { describeFailureToVisitors, type ErrorContext } from '../errors'
import { searchParamsOf } from '../request-url'
import type { SecuredHeaders } from '../security-headers'
import { CachedPage } from './cached-page'
import type { CatalogueCache } from './catalogue-cache'
import type { CatalogueSnapshot, CatalogueView } from './catalogue-snapshot'
import { LruMap } from './lru-map'
import { pageOfView } from './page-of-view'

const QUERY_CACHE_SIZE = 1024
// The query strings are visitors' input (up to Node's 16 KB of headers each): bounded by bytes, not only by count.
const QUERY_CACHE_BYTES = 2 * 1024 * 1024
// A parse's object, its strings and the Map entry around it.
const PARSE_OVERHEAD_BYTES = 512

/** The parameters of one query string, and the key of the view and page they ask for. */
export type ListQuery = ListParams & { pageKey: string }
type ParsedQuery = ParseResult<ListQuery>

function parseQuery(url: string): ParsedQuery {
  const parsed = parseListParams(searchParamsOf(url))
  if (!parsed.ok) return parsed
  const { refresh: _refresh, accept: _accept, ...page } = parsed.value
  return { ok: true, value: { ...parsed.value, pageKey: listParamsToSearch(page).toString() } }
}

/** The view the list parameters select; the export (`/api/models/export`) takes the same one. */
export function viewOf(snapshot: CatalogueSnapshot, params: ListParams): Promise<CatalogueView> {
  return snapshot.view(params.q, params.sort, lifecyclesOf(params), params)
}

/** What `GET /api/models` sends: a cached page, or 304 when the client has it already. */
export interface ListAnswer {
  status: 200 | 304
  body: Uint8Array<ArrayBuffer> | null
  headers: SecuredHeaders
  /** The workspace it answers for, for the log line. */
  workspace: string
}

function answerOf(
  cached: CachedPage,
  params: ListQuery,
  ifNoneMatch: string | undefined,
  workspace: string,
): ListAnswer {
  const notModified = matchesEtag(ifNoneMatch, cached.etag)
  return {
    status: notModified ? 304 : 200,
    body: notModified ? null : cached.bytes,
    headers: cached.headers({ notModified, noStore: params.refresh === true }),
    workspace,
  }
}

/**
 * The pages of `GET /api/models`: the parse of a query string and the
 * serialized answer, both cached, for one workspace's catalogue. The page
 * HTML embeds the same answer.
 */
export function modelsListPages(catalogue: CatalogueCache, workspace: ErrorContext & { name: string }) {
  // The same few query strings come again and again; parsing is a pure function of the string.
  const queries = new LruMap<string, ParsedQuery>({
    maxEntries: QUERY_CACHE_SIZE,
    maxBytes: QUERY_CACHE_BYTES,
    // The key, and the parse that holds much of it again (the terms, the page key or the error message).
    sizeOf: (_parsed, search) => PARSE_OVERHEAD_BYTES + search.length * 4,
  })

  // A fresh snapshot's page is keyed by the page key itself, the same string every time (its hash kept);
  // the key of a page search never holds a bare '|', so it cannot be taken for another's.
  const keyOf = (params: ListQuery, stale: boolean, refreshErrorText: string | null) =>
    stale || refreshErrorText !== null ? `${params.pageKey}|${stale}|${refreshErrorText ?? ''}` : params.pageKey
  const describeRefreshError = (refreshError: unknown) =>
    refreshError ? describeFailureToVisitors(refreshError, workspace) : null

  const pages = {
    /** The parameters of a request URL, absolute or from its path on. */
    parse(url: string): ParsedQuery {
      const queryStart = url.indexOf('?')
      return queries.getOrCreate(queryStart < 0 ? '' : url.slice(queryStart), () => parseQuery(url))
    },

    /** The answer to these parameters, from the page cache of the current snapshot. */
    async page(params: ListQuery): Promise<CachedPage> {
      const { snapshot, stale, refreshError } = await catalogue.get({
        forceRefresh: params.refresh,
        accept: params.accept,
      })
      const refreshErrorText = describeRefreshError(refreshError)
      const key = keyOf(params, stale, refreshErrorText)
      const cached = snapshot.responses.get(key)
      if (cached) return cached
      // Built in steps when it is not cached: the event loop stays free for other requests meanwhile.
      const view = await viewOf(snapshot, params)
      return snapshot.responses.getOrCreate(key, () => {
        const page = pageOfView(view, params)
        const body = JSON.stringify({
          ...page,
          fetched_at: new Date(snapshot.fetchedAt).toISOString(),
          stale,
          refresh_error: refreshErrorText,
        })
        return new CachedPage(body, etagFor(snapshot.generation, body))
      })
    },

    /**
     * The answer `page` would give at once, without it: only when it is built
     * already and the snapshot is fresh, so asking would start no walk.
     */
    built(params: ListQuery): CachedPage | undefined {
      if (params.refresh || params.accept) return undefined
      const state = catalogue.peek()
      if (!state.snapshot || state.stale) return undefined
      return state.snapshot.responses.get(keyOf(params, false, describeRefreshError(state.refreshError)))
    },

    /**
     * The one door to a cached list page, for the route and the Node fast path
     * alike: the answer to `GET` of this URL when its page is built already and
     * nothing else is to be done; undefined when there is more to do (a bad
     * parameter, a page not built yet, a snapshot to refresh, `refresh=1`).
     */
    answerFromCache(url: string, ifNoneMatch: string | undefined): ListAnswer | undefined {
      const parsed = pages.parse(url)
      if (!parsed.ok) return undefined
      const cached = pages.built(parsed.value)
      return cached && answerOf(cached, parsed.value, ifNoneMatch, workspace.name)
    },

    /** The answer to these parameters once their page is built (see `page`). */
    async answer(params: ListQuery, ifNoneMatch: string | undefined): Promise<ListAnswer> {
      return answerOf(await pages.page(params), params, ifNoneMatch, workspace.name)
    },
  }
  return pages
}
export type ModelsListPages = ReturnType<typeof modelsListPages>
