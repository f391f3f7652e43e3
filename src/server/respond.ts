import type { Context } from 'hono'
import { etagFor, matchesEtag } from './etag'
import type { HttpError } from './errors'

/** Sends an error in the upstream's shape; errors are never cached. */
export function sendError(c: Context, error: HttpError): Response {
  return c.json(error.body, error.status as 400, { 'Cache-Control': 'no-store', ...error.headers })
}

export function methodNotAllowed(c: Context): Response {
  return c.json(
    {
      type: 'error',
      error: { type: 'invalid_request_error', message: `${c.req.method} is not allowed here; use GET.` },
    },
    405,
    { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' },
  )
}

/**
 * Sends a body that changes only when the catalogue does: caches and feed
 * readers keep it but ask again each time, and an unchanged one costs a 304.
 */
export function sendRevalidated(c: Context, body: string, contentType: string): Response {
  const etag = etagFor(0, body)
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' }
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers)
  return c.body(body, 200, { ...headers, 'Content-Type': contentType })
}
