import type { Context } from 'hono'
import { listParamsToSearch, parseListParams } from '../../contract/list-params'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import { pageOfView } from '../catalogue/page-of-view'
import { etagFor, matchesEtag } from '../etag'
import { badRequest, describeFailure, toHttpError } from '../errors'
import { sendError } from '../respond'

// Short, so a refreshed catalogue reaches people quickly; shared caches may serve it a little longer while they revalidate.
const CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30'

/** `GET /api/models`: a cursor page of one filtered, sorted view of the catalogue snapshot. */
export function listModels(catalogue: CatalogueCache) {
  return async (c: Context): Promise<Response> => {
    const parsed = parseListParams(new URL(c.req.url).searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const params = parsed.value
    try {
      const { snapshot, stale, refreshError } = await catalogue.get({ forceRefresh: params.refresh })
      const refreshErrorText = refreshError ? describeFailure(refreshError) : null
      const { refresh: _refresh, ...view } = params
      const key = `${listParamsToSearch(view).toString()}|${stale}|${refreshErrorText ?? ''}`
      const cached = snapshot.responses.getOrCreate(key, () => {
        const page = pageOfView(snapshot.view(params.q, params.sort), params)
        const body = JSON.stringify({
          ...page,
          fetched_at: new Date(snapshot.fetchedAt).toISOString(),
          stale,
          refresh_error: refreshErrorText,
        })
        return { body, etag: etagFor(snapshot.generation, body) }
      })
      const headers = { ETag: cached.etag, 'Cache-Control': params.refresh ? 'no-store' : CACHE_CONTROL }
      if (matchesEtag(c.req.header('if-none-match'), cached.etag)) return c.body(null, 304, headers)
      return c.body(cached.body, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }
}
