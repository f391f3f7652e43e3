import type { MiddlewareHandler } from 'hono'
import { errorBody } from '../../contract/api-error'
import { sendError } from '../respond'
import { isOpenPath } from './open-paths'

/** Whether the server answers for this host name and port: an entry without a port allows any port. */
export function hostIsAllowed(hostname: string, port: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase()
  return allowed.some((entry) => entry === host || entry === `${host}:${port}`)
}

/**
 * The same rule for a raw `Host` header over plain HTTP (the Node list fast
 * path, which runs before the middleware): null allows any host.
 */
export function hostHeaderIsAllowed(host: string | undefined, allowed: readonly string[] | null): boolean {
  if (allowed === null) return true
  if (host === undefined) return false
  const port = /:(\d+)$/.exec(host)?.[1]
  return hostIsAllowed(port ? host.slice(0, -port.length - 1) : host, port ?? '80', allowed)
}

/**
 * Answers 421 to a request for another host. A DNS-rebinding page reaches the
 * server under its own name, so checking `Host` stops it reading the API.
 * Null allows any host (`ALLOWED_HOSTS=*`).
 */
export function hostCheck(allowed: readonly string[] | null): MiddlewareHandler {
  return async (c, next) => {
    if (allowed === null || isOpenPath(c.req.path)) return next()
    const url = new URL(c.req.url)
    // The Node adapter builds the URL from `Host`, so this is the host the browser asked for.
    const port = url.port || (url.protocol === 'https:' ? '443' : '80')
    if (hostIsAllowed(url.hostname, port, allowed)) return next()
    return sendError(c, {
      status: 421,
      body: errorBody(
        'invalid_request_error',
        `This server does not answer for the host "${url.host.slice(0, 100)}". Open it by its own address, or add the host to ALLOWED_HOSTS on the server.`,
      ),
      headers: {},
    })
  }
}
