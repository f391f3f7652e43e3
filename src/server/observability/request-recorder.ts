import type { Logger } from '../logger'
import type { Metrics } from './metrics'

/** One answered request, as the log line and the duration histogram see it. */
export interface FinishedRequest {
  requestId: string
  method: string
  /** The route's template (`/api/models/:id`), never the raw path: the metrics' label. */
  route: string
  /** The path without its query string, which could carry anything. */
  path: string
  status: number
  seconds: number
  /** The caller's email or token name, when sign-in is configured. */
  user: string | null
  workspace: string | null
}
export type RequestRecorder = (request: FinishedRequest) => void

// Probes and scrapes come every few seconds: their lines are for debugging only.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics'])
// A method label from a fixed set, so a client cannot add series by inventing methods.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** Writes one log line and one histogram observation per answered request: the Hono app's and the fast path's. */
export function createRequestRecorder(logger: Logger, metrics: Pick<Metrics, 'httpRequestDuration'>): RequestRecorder {
  return (request) => {
    const method = METHODS.has(request.method) ? request.method : 'OTHER'
    metrics.httpRequestDuration.observe(
      { route: request.route, method, status: String(request.status) },
      request.seconds,
    )
    const fields = {
      request_id: request.requestId,
      method: request.method,
      route: request.route,
      path: request.path,
      status: request.status,
      duration_ms: Math.round(request.seconds * 1e6) / 1e3,
      user: request.user,
      workspace: request.workspace,
    }
    const message = `${request.method} ${request.path} ${request.status}`
    // A 5xx answer says what failed (mostly the upstream): a warning. `error` is kept for the unexpected.
    if (request.status >= 500) logger.warn(message, fields)
    else if (QUIET_ROUTES.has(request.route)) logger.debug(message, fields)
    else logger.info(message, fields)
  }
}
