import { describe, expect, it } from 'vitest'
import type { Fault } from '../fake-upstream/faults'
import { createCapturingLogger, createTestApp, readError, TEST_CONFIG } from '../testing/test-app'
import { createApp } from './create-app'
import { REQUEST_ID_PATTERN } from './observability/request-id'

/** The two routes that call the upstream: a cold list (which walks the catalogue) and one model. */
const ROUTES = [
  ['the list', '/api/models'],
  ['one model', '/api/models/claude-opus-4-6'],
] as const

async function answerTo(path: string, fault: Fault, config: { upstreamTimeoutMs?: number } = {}) {
  const { app, fake } = createTestApp({ config })
  fake.setFault(fault)
  const response = await app.request(path)
  return { response, body: await readError(response), fake }
}

describe.each(ROUTES)('upstream errors on %s', (_route, path) => {
  it('turns a 401 into a 502 that keeps authentication_error and says the key was rejected', async () => {
    const { response, body } = await answerTo(path, { kind: 'status', status: 401 })
    expect(response.status).toBe(502)
    expect(body.error.type).toBe('authentication_error')
    expect(body.error.message).toMatch(/API key/)
    expect(body.error.message).not.toContain('ANTHROPIC_API_KEY')
    expect(body.error.operator_hint).toContain('ANTHROPIC_API_KEY')
  })

  it('turns a 403 into a 502 that keeps permission_error and says the key lacks permission', async () => {
    const { response, body } = await answerTo(path, { kind: 'status', status: 403 })
    expect(response.status).toBe(502)
    expect(body.error.type).toBe('permission_error')
    expect(body.error.message).toMatch(/permission/)
  })

  it.each([
    [429, 'rate_limit_error'],
    [529, 'overloaded_error'],
  ])('turns a %i into a 503 %s, passing Retry-After on', async (status, type) => {
    const { response, body } = await answerTo(path, { kind: 'status', status, retryAfterSeconds: 17 })
    expect(response.status).toBe(503)
    expect(body.error.type).toBe(type)
    expect(response.headers.get('retry-after')).toBe('17')
    expect(body.error.message).toContain('17')
  })

  it('sends no Retry-After of its own when the upstream gave none, but when one model will be asked again', async () => {
    const { response } = await answerTo(path, { kind: 'status', status: 429 })
    expect(response.status).toBe(503)
    // A failed lookup is repeated for LOOKUP_ERROR_TTL_MS: a Retry before then gets the same answer.
    const expected = path === '/api/models' ? null : String(TEST_CONFIG.lookupErrorTtlMs / 1000)
    expect(response.headers.get('retry-after')).toBe(expected)
  })

  it.each([429, 529])(
    'says in its message the wait its Retry-After gives when the upstream gave none (%i)',
    async (status) => {
      const { response, body } = await answerTo(path, { kind: 'status', status })
      // A list says nothing exact; a lookup is repeated for LOOKUP_ERROR_TTL_MS, and both say so.
      const seconds = path === '/api/models' ? null : TEST_CONFIG.lookupErrorTtlMs / 1000
      expect(response.headers.get('retry-after')).toBe(seconds === null ? null : String(seconds))
      expect(body.error.message).toContain(seconds === null ? 'Retry in a minute.' : `Retry in ${seconds} s.`)
    },
  )

  it.each([500, 502, 503])('turns an upstream %i into a 502 api_error', async (status) => {
    const { response, body } = await answerTo(path, { kind: 'status', status })
    expect(response.status).toBe(502)
    expect(body.error.type).toBe('api_error')
    expect(body.error.message).toContain(String(status))
  })

  it('passes on the request id the upstream gave with its error as upstream_request_id, beside its own', async () => {
    const { response, body, fake } = await answerTo(path, { kind: 'status', status: 500 })
    expect(body.upstream_request_id).toMatch(/^req_FAKE[0-9A-Za-z]{20}$/)
    expect(body.request_id).toMatch(REQUEST_ID_PATTERN)
    expect(body.request_id).toBe(response.headers.get('request-id'))
    expect(fake.stats.requests).toHaveLength(1)
  })

  it('turns a malformed body into a 502 api_error', async () => {
    const { response, body } = await answerTo(path, { kind: 'malformed' })
    expect(response.status).toBe(502)
    expect(body.error.type).toBe('api_error')
    expect(body.error.message).toMatch(/could not read/)
  })

  it('turns a hang into a 504 timeout_error once the timeout passes', async () => {
    const started = performance.now()
    const { response, body } = await answerTo(path, { kind: 'hang' }, { upstreamTimeoutMs: 50 })
    expect(response.status).toBe(504)
    expect(body.error.type).toBe('timeout_error')
    expect(body.upstream_request_id).toBeUndefined()
    expect(body.request_id).toBe(response.headers.get('request-id'))
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('turns a reset connection into a 502 api_error', async () => {
    const { response, body } = await answerTo(path, { kind: 'reset' })
    expect(response.status).toBe(502)
    expect(body.error.type).toBe('api_error')
    expect(body.error.message).toMatch(/connection/)
  })

  it('marks every error answer no-store', async () => {
    const { response } = await answerTo(path, { kind: 'status', status: 500 })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})

describe('upstream errors that depend on the route', () => {
  it('turns a 404 on one model into a 404 not_found_error', async () => {
    const { response, body } = await answerTo('/api/models/claude-opus-4-6', { kind: 'status', status: 404 })
    expect(response.status).toBe(404)
    expect(body.error.type).toBe('not_found_error')
  })

  it('turns a 404 on the list, which should not happen, into a 502', async () => {
    const { response } = await answerTo('/api/models', { kind: 'status', status: 404 })
    expect(response.status).toBe(502)
  })

  it('turns a list page without data into a 502 rather than an empty catalogue', async () => {
    const withoutData = async () => Response.json({ has_more: false, first_id: null, last_id: null })
    const app = createApp(TEST_CONFIG, { fetch: withoutData, logger: createCapturingLogger() })
    const response = await app.request('/api/models')
    expect(response.status).toBe(502)
    expect((await readError(response)).error.type).toBe('api_error')
  })

  it('turns a list that says has_more without moving on into a 502 instead of walking forever', async () => {
    const page = { data: [], has_more: true, first_id: null, last_id: null }
    const app = createApp(TEST_CONFIG, { fetch: async () => Response.json(page), logger: createCapturingLogger() })
    const response = await app.request('/api/models')
    expect(response.status).toBe(502)
  })
})
