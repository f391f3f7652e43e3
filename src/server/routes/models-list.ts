import {
  type ListParams,
  lifecyclesOf,
  listParamsToSearch,
  parseListParams,
  type ParseResult,
} from '../../contract/list-params'
import { CachedPage } from '../cached-page'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import type { CatalogueSnapshot, CatalogueView } from '../catalogue/catalogue-snapshot'
import { LruMap } from '../catalogue/lru-map'
import { pageOfView } from '../catalogue/page-of-view'
import { etagFor, matchesEtag } from '../etag'
import { badRequest, describeFailure, type ErrorContext, toHttpError } from '../errors'
import { sendError } from '../respond'
import { securedResponse } from '../security-headers'
import type { WorkspaceContext } from '../workspaces/select-workspace'

const QUERY_CACHE_SIZE = 1024

/** The parameters of one query string, and the key of the view and page they ask for. */
export type ListQuery = ListParams & { pageKey: string }
type ParsedQuery = ParseResult<ListQuery>

function parseQuery(url: string): ParsedQuery {
  const parsed = parseListParams(new URL(url).searchParams)
  if (!parsed.ok) return parsed
  const { refresh: _refresh, ...page } = parsed.value
  return { ok: true, value: { ...parsed.value, pageKey: listParamsToSearch(page).toString() } }
}

/** The view the list parameters select; the export (`/api/models/export`) takes the same one. */
export function viewOf(snapshot: CatalogueSnapshot, params: ListParams): CatalogueView {
  return snapshot.view(params.q, params.sort, lifecyclesOf(params))
}

/**
 * The pages of `GET /api/models`: the parse of a query string and the
 * serialized answer, both cached, for one workspace's catalogue. The page
 * HTML embeds the same answer.
 */
export function modelsListPages(catalogue: CatalogueCache, errorContext: ErrorContext = {}) {
  // The same few query strings come again and again; parsing is a pure function of the string.
  const queries = new LruMap<string, ParsedQuery>(QUERY_CACHE_SIZE)

  return {
    parse(url: string): ParsedQuery {
      const queryStart = url.indexOf('?')
      return queries.getOrCreate(queryStart < 0 ? '' : url.slice(queryStart), () => parseQuery(url))
    },

    /** The answer to these parameters, from the page cache of the current snapshot. */
    async page(params: ListQuery): Promise<CachedPage> {
      const { snapshot, stale, refreshError } = await catalogue.get({ forceRefresh: params.refresh })
      const refreshErrorText = refreshError ? describeFailure(refreshError, errorContext) : null
      const key = `${params.pageKey}|${stale}|${refreshErrorText ?? ''}`
      return snapshot.responses.getOrCreate(key, () => {
        const page = pageOfView(viewOf(snapshot, params), params)
        const body = JSON.stringify({
          ...page,
          fetched_at: new Date(snapshot.fetchedAt).toISOString(),
          stale,
          refresh_error: refreshErrorText,
        })
        return new CachedPage(body, etagFor(snapshot.generation, body))
      })
    },
  }
}
export type ModelsListPages = ReturnType<typeof modelsListPages>

/** `GET /api/models`: a cursor page of one filtered, sorted view of the workspace's catalogue snapshot. */
export function listModels() {
  return async (c: WorkspaceContext): Promise<Response> => {
    const { pages, keyVariable } = c.get('workspace')
    const parsed = pages.parse(c.req.url)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const params = parsed.value
    try {
      const cached = await pages.page(params)
      const notModified = matchesEtag(c.req.header('if-none-match'), cached.etag)
      const headers = cached.headers({ notModified, noStore: params.refresh === true })
      return securedResponse(notModified ? null : cached.body, notModified ? 304 : 200, headers)
    } catch (error) {
      return sendError(c, toHttpError(error, { keyVariable }))
    }
  }
}
