import type { MiddlewareHandler } from 'hono'

/**
 * Headers on every response: what Hono's secureHeaders() sends with our policy,
 * written out once. The CSP allows no inline script at all, which is why the
 * page's code and styles are always separate files. No HSTS: the server runs
 * on plain http on loopback by default.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
}
const SECURITY_HEADER_ENTRIES = Object.entries(SECURITY_HEADERS)

/**
 * Those of them that act on a subresource (a script, a stylesheet): the rest
 * (the CSP, framing, the opener policy, the legacy X- headers) act on a page
 * only, and on a built asset they were 0.4 KB of every script's and
 * stylesheet's answer in a first visit (issue #10).
 */
const SUBRESOURCE_HEADERS = new Set(['cross-origin-resource-policy', 'referrer-policy', 'x-content-type-options'])
const SUBRESOURCE_HEADER_ENTRIES = SECURITY_HEADER_ENTRIES.filter(([name]) => SUBRESOURCE_HEADERS.has(name))
const subresources = new WeakSet<Response>()

/** Marks a built asset's answer: it gets the subresource headers only. */
export function asSubresource(response: Response): Response {
  subresources.add(response)
  return response
}

declare const secured: unique symbol
/** Response headers that include the security headers: made by withSecurityHeaders only. */
export type SecuredHeaders = Readonly<Record<string, string>> & { readonly [secured]: true }

/** `headers` with the security headers, as one frozen object to build once and send many times. */
export function withSecurityHeaders(headers: Record<string, string>): SecuredHeaders {
  return Object.freeze({ ...SECURITY_HEADERS, ...headers }) as SecuredHeaders
}

const complete = new WeakSet<Response>()

/**
 * A response whose headers already include the security headers and the
 * request's id. They stay one plain object, which the Node adapter writes as
 * it is, without building a Headers object: that was most of the cost of
 * answering from the cache.
 */
export function securedResponse(
  body: string | Uint8Array<ArrayBuffer> | null,
  status: number,
  headers: SecuredHeaders,
  requestId: string,
): Response {
  // The id first, where the list's fast path (which sets it before the rest) sends it too.
  const response = new Response(body, { status, headers: { 'request-id': requestId, ...headers } })
  complete.add(response)
  return response
}

/** Made by securedResponse: its headers are complete, and reading them would cost what it saves. */
export function isSecuredResponse(response: Response): boolean {
  return complete.has(response)
}

/** Adds the security headers to every response that does not carry them yet; a built asset's, those that act on it. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    if (isSecuredResponse(c.res)) return
    const entries = subresources.has(c.res) ? SUBRESOURCE_HEADER_ENTRIES : SECURITY_HEADER_ENTRIES
    for (const [name, value] of entries) c.res.headers.set(name, value)
  }
}
