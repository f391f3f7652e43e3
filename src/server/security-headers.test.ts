import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { describe, expect, it } from 'vitest'
import { SECURITY_HEADERS, securedResponse, securityHeaders, withSecurityHeaders } from './security-headers'

// The policy the server used to give Hono's secureHeaders(); the table must send exactly what it sent.
const HONO_POLICY = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  strictTransportSecurity: false,
})

async function headersOf(middleware: ReturnType<typeof securityHeaders>, respond: () => Response) {
  const app = new Hono().use('*', middleware).get('/', respond)
  return Object.fromEntries((await app.request('/')).headers)
}

describe('security headers', () => {
  it('are exactly the headers Hono’s secureHeaders sent with the same policy', async () => {
    const expected = await headersOf(HONO_POLICY, () => new Response('ok'))
    const actual = await headersOf(securityHeaders(), () => new Response('ok'))
    expect(actual).toEqual(expected)
    expect(Object.keys(SECURITY_HEADERS).length).toBeGreaterThan(5)
  })

  it('are the same on a response built with them in advance, which the middleware leaves as it is', async () => {
    const headers = withSecurityHeaders({ 'content-type': 'text/plain;charset=UTF-8', etag: '"1"' })
    const prebuilt = await headersOf(securityHeaders(), () => securedResponse(null, 200, headers, 'req_1'))
    const added = await headersOf(securityHeaders(), () => new Response(null, { headers: { etag: '"1"' } }))
    expect(prebuilt).toEqual({ ...added, 'content-type': 'text/plain;charset=UTF-8', 'request-id': 'req_1' })
  })

  it('overwrite a value a handler set for one of them', async () => {
    const headers = await headersOf(
      securityHeaders(),
      () => new Response('ok', { headers: { 'x-frame-options': 'ALLOW' } }),
    )
    expect(headers['x-frame-options']).toBe('DENY')
  })
})
