import type { MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { sendError } from './respond'

/**
 * Refuses API requests another site's page makes (an `<img>`, a form, a
 * script): `Sec-Fetch-Site: cross-site`, or an `Origin` that is not this
 * server's. Such a request must not spend the key on upstream calls. Tools
 * without a browser send neither header, and the dashboard's own requests are
 * same-origin, so both pass.
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    if (site === 'cross-site' || (origin !== undefined && !isOwnOrigin(origin, c.req.url))) {
      return sendError(c, {
        status: 403,
        body: errorBody(
          'permission_error',
          'This API answers the dashboard and tools without a browser, not pages of other sites. Open the dashboard itself, or call the API directly.',
        ),
        headers: {},
      })
    }
    await next()
  }
}

/** The Origin names this server: its host and port, whatever the scheme (a TLS proxy in front changes only that). */
function isOwnOrigin(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host
  } catch {
    // "null" (a sandboxed frame, a redirect across sites) and anything unparseable are not ours.
    return false
  }
}
