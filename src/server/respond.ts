import type { Context } from 'hono'
import { errorBody } from '../contract/api-error'
import { etagFor, matchesEtag } from './etag'
import type { HttpError } from './errors'

/**
 * Sends an error in the upstream's shape, with the request's id (the one in
 * its `request-id` header and log line); errors are never cached.
 */
export function sendError(c: Context, error: HttpError): Response {
  const requestId = c.get('requestId')
  const body = requestId ? { ...error.body, request_id: requestId } : error.body
  return c.json(body, error.status as 400, { 'Cache-Control': 'no-store', ...error.headers })
}

export function methodNotAllowed(c: Context): Response {
  return sendError(c, {
    status: 405,
    body: errorBody('invalid_request_error', `${c.req.method} is not allowed here; use GET.`),
    headers: { Allow: 'GET, HEAD' },
  })
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

/**
 * What a browser gets at a path that is no page of this site (the API's own
 * 404 is JSON): a small page, no script, styled inline-free for the CSP, with
 * a link back to the dashboard.
 */
export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="robots" content="noindex" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <title>Not found · Model catalogue</title>
  </head>
  <body>
    <h1>Not found</h1>
    <p>There is no page at this address. The dashboard's views are all on <a href="/">the model catalogue</a>.</p>
  </body>
</html>
`
