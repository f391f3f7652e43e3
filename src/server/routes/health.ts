import type { Context } from 'hono'
import type { Health } from '../../contract/model'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import { describeFailure } from '../errors'

/**
 * `GET /api/health`: 200 whenever this server is up, with the state of the
 * upstream as the catalogue last saw it. It never waits for the upstream; with
 * no snapshot yet, it starts the first walk in the background.
 */
export function health(catalogue: CatalogueCache, mode: Health['mode'], now: () => number) {
  return (c: Context): Response => {
    const state = catalogue.peek()
    if (!state.snapshot) catalogue.get().catch(() => {})
    const refreshError = state.refreshError ? describeFailure(state.refreshError) : null
    const body: Health = {
      status: 'ok',
      mode,
      catalogue: state.snapshot
        ? {
            count: state.snapshot.models.length,
            fetched_at: new Date(state.snapshot.fetchedAt).toISOString(),
            age_seconds: Math.round((now() - state.snapshot.fetchedAt) / 1000),
            stale: state.stale,
            refresh_error: refreshError,
          }
        : { count: 0, fetched_at: null, age_seconds: null, stale: true, refresh_error: refreshError },
    }
    return c.json(body, 200, { 'Cache-Control': 'no-store' })
  }
}
