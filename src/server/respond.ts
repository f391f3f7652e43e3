import type { Context } from 'hono'
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
