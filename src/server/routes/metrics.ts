import type { Context } from 'hono'
import type { Registry } from 'prom-client'
import type { Workspaces } from '../workspaces/workspaces'

/**
 * `GET /metrics`: the Prometheus exposition of the app's registry. A scrape
 * also starts the background refresh of a stale snapshot, as a page view
 * would, so an idle dashboard's series stay current and a growing snapshot
 * age means refreshes fail, not that nobody looked.
 */
export function metricsEndpoint(registry: Registry, workspaces: Workspaces) {
  return async (c: Context): Promise<Response> => {
    for (const { catalogue } of workspaces.all) catalogue.get().catch(() => {})
    return c.body(await registry.metrics(), 200, {
      'Content-Type': registry.contentType,
      'Cache-Control': 'no-store',
    })
  }
}
