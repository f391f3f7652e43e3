import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MODEL_ID_PATTERN } from '../../contract/list-params'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { anyCodePoint } from '../../testing/any-code-point'
import { FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { createTestApp, readError, TEST_CONFIG } from '../../testing/test-app'

/** What an upstream request may look like: the list, or one model by one encoded path segment. */
const ALLOWED_UPSTREAM_REQUEST = /^GET \/v1\/models(\?[^/]*)?$|^GET \/v1\/models\/[^/?#]+$/

describe('GET /api/models/:id', () => {
  it('answers one model as the upstream gave it, with a short Cache-Control', async () => {
    const { app, fake } = createTestApp()
    const response = await app.request('/api/models/claude-opus-4-6')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(DEMO_MODELS.find((model) => model.id === 'claude-opus-4-6'))
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/)
    expect(fake.stats.requests).toEqual(['GET /v1/models/claude-opus-4-6'])
  })

  it('answers an id the snapshot lists from it, without the upstream, even while the upstream fails', async () => {
    const { app, fake, listPage } = createTestApp()
    await listPage()
    fake.stats.requests.length = 0
    fake.setFault({ kind: 'hang' })
    const response = await app.request('/api/models/claude-opus-4-6')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(DEMO_MODELS.find((model) => model.id === 'claude-opus-4-6'))
    expect(fake.stats.requests).toEqual([])
  })

  it('answers an id of another workspace from that workspace only', async () => {
    const { app, listPage } = createTestApp({
      config: {
        workspaces: [
          { name: 'staging', keyVariable: 'ANTHROPIC_API_KEY_STAGING', apiKey: FAKE_API_KEY, workspaceId: 'staging' },
        ],
      },
    })
    await listPage()
    const staging = await listPage({ workspace: 'staging', limit: '1000' })
    const onlyInDefault = DEMO_MODELS.find(
      (model) => model.lifecycle !== 'retired' && !staging.data.some((each) => each.id === model.id),
    )!
    expect((await app.request(`/api/models/${onlyInDefault.id}`)).status).toBe(200)
    expect((await app.request(`/api/models/${onlyInDefault.id}?workspace=staging`)).status).toBe(404)
  })

  it('resolves an alias through the upstream to the dated model', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/models/claude-sonnet-4-5')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: 'claude-sonnet-4-5-20250929', display_name: 'Claude Sonnet 4.5' })
  })

  it('answers an unknown id with 404 not_found_error naming the id and passing on the upstream request id', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/models/claude-unknown-9')
    expect(response.status).toBe(404)
    const body = await readError(response)
    expect(body.error.type).toBe('not_found_error')
    expect(body.error.message).toContain('claude-unknown-9')
    expect(body.upstream_request_id).toMatch(/^req_FAKE[0-9A-Za-z]{20}$/)
    expect(body.request_id).toBe(response.headers.get('request-id'))
  })

  it('sends every id character the rule allows as one path segment', async () => {
    const { app, fake } = createTestApp()
    const id = 'Model.v2:beta@2025_01-x'
    const response = await app.request(`/api/models/${encodeURIComponent(id)}`)
    expect(response.status).toBe(404)
    expect(fake.stats.retrieveCalls).toBe(1)
    expect(fake.stats.requests[0]).toMatch(ALLOWED_UPSTREAM_REQUEST)
    expect(decodeURIComponent(fake.stats.requests[0]!.replace('GET /v1/models/', ''))).toBe(id)
  })

  it('accepts an id of 256 characters', async () => {
    const { app, fake } = createTestApp()
    expect((await app.request(`/api/models/${'m'.repeat(256)}`)).status).toBe(404)
    expect(fake.stats.retrieveCalls).toBe(1)
  })

  it.each([
    ['an encoded slash', 'a%2Fb'],
    ['an encoded backslash', 'a%5Cb'],
    ['a space', 'a%20b'],
    ['an encoded question mark', 'a%3Fb'],
    ['a non-ASCII letter', 'caf%C3%A9'],
    ['dots only', '...'],
    ['257 characters', 'm'.repeat(257)],
    ['a broken percent escape', '%E0%A4%A'],
    ['an encoded dot-dot with a slash', '..%2Fv1%2Fmessages'],
  ])('refuses an id with %s with a 400 and never calls the upstream', async (_what, segment) => {
    const { app, fake } = createTestApp()
    const response = await app.request(`/api/models/${segment}`)
    expect(response.status).toBe(400)
    expect((await readError(response)).error.type).toBe('invalid_request_error')
    expect(fake.stats.requests).toEqual([])
  })

  it.each(['.', '..', '%2E', '%2e%2E'])(
    'never turns the dot segment /api/models/%s into an upstream call',
    async (segment) => {
      // URL parsing resolves dot segments before routing, so these never name a model.
      const { app, fake } = createTestApp()
      const response = await app.request(`/api/models/${segment}`)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      await readError(response)
      expect(fake.stats.requests).toEqual([])
    },
  )

  it.each(['.', '..'])('refuses the id "%s" with a 400 where a runtime passes the path unresolved', async (id) => {
    const { app, fake } = createTestApp()
    const request = new Request('http://localhost/api/models/placeholder')
    // Some runtimes hand the app the request target as it came; the id rule must hold on its own.
    Object.defineProperty(request, 'url', { value: `http://localhost/api/models/${id}` })
    const response = await app.fetch(request)
    expect(response.status).toBe(400)
    expect(fake.stats.requests).toEqual([])
  })

  it('reuses a recent answer for the same id instead of asking the upstream again', async () => {
    const { app, fake } = createTestApp()
    await app.request('/api/models/claude-opus-4-6')
    await app.request('/api/models/claude-opus-4-6')
    expect(fake.stats.retrieveCalls).toBe(1)
  })

  it('repeats a failure for the error TTL, marked as a repeat with Retry-After, then asks the upstream again', async () => {
    const { app, fake, clock } = createTestApp()
    fake.setFault({ kind: 'status', status: 500 }, 1)
    const first = await app.request('/api/models/claude-opus-4-6')
    expect(first.status).toBe(502)
    expect(first.headers.get('retry-after')).toBe('5')
    const firstBody = await readError(first)
    clock.advance(2_000)
    const repeat = await app.request('/api/models/claude-opus-4-6')
    expect(repeat.status).toBe(502)
    expect(repeat.headers.get('retry-after')).toBe('3')
    const repeatBody = await readError(repeat)
    expect(repeatBody.error.type).toBe(firstBody.error.type)
    expect(repeatBody.upstream_request_id).toBe(firstBody.upstream_request_id)
    expect(repeatBody.error.message).toMatch(/failed 2 s ago; the server repeats that answer .* ask again in 3 s\. /)
    expect(repeatBody.error.message).toContain(firstBody.error.message)
    expect(fake.stats.retrieveCalls).toBe(0)
    expect(fake.stats.requests).toHaveLength(1)
    clock.advance(3_000)
    expect((await app.request('/api/models/claude-opus-4-6')).status).toBe(200)
    expect(fake.stats.requests).toHaveLength(2)
  })

  it('repeats a 429 as a 503 for as long as its Retry-After asks, within the retry-wait cap', async () => {
    const { app, fake, clock } = createTestApp()
    fake.setFault({ kind: 'status', status: 429, retryAfterSeconds: 8 })
    expect((await app.request('/api/models/claude-opus-4-6')).headers.get('retry-after')).toBe('8')
    clock.advance(7_000)
    const repeat = await app.request('/api/models/claude-opus-4-6')
    expect(repeat.status).toBe(503)
    expect(repeat.headers.get('retry-after')).toBe('1')
    expect((await readError(repeat)).error.type).toBe('rate_limit_error')
    expect(fake.stats.requests).toHaveLength(1)
  })

  it('asks the upstream again after a failure at once with LOOKUP_ERROR_TTL_MS=0', async () => {
    const { app, fake } = createTestApp({ config: { lookupErrorTtlMs: 0 } })
    fake.setFault({ kind: 'status', status: 500 }, 1)
    const failed = await app.request('/api/models/claude-opus-4-6')
    expect(failed.status).toBe(502)
    expect(failed.headers.get('retry-after')).toBeNull()
    expect((await app.request('/api/models/claude-opus-4-6')).status).toBe(200)
    expect(fake.stats.requests).toHaveLength(2)
  })

  it('keeps "no such model" for the failure TTL, then asks the upstream again', async () => {
    const { app, fake, clock } = createTestApp()
    expect((await app.request('/api/models/claude-nonexistent')).status).toBe(404)
    expect((await app.request('/api/models/claude-nonexistent')).status).toBe(404)
    expect(fake.stats.retrieveCalls).toBe(1)
    clock.advance(TEST_CONFIG.lookupFailureTtlMs)
    expect((await app.request('/api/models/claude-nonexistent')).status).toBe(404)
    expect(fake.stats.retrieveCalls).toBe(2)
  })
})

describe('the upstream is no open proxy', () => {
  it('is only ever called at /v1/models and /v1/models/{id}, whatever the BFF is asked', async () => {
    const { app, fake } = createTestApp()
    const paths = [
      '/api/models',
      '/api/models?limit=3&after_id=claude-opus-4-6&sort=-id&q=claude',
      '/api/models/claude-haiku-4-5',
      '/api/models/..%2F..%2Fv1%2Fmessages',
      '/api/models/%2E%2E/messages',
      '/api/models/claude-opus-4-6/..%2F..',
      '/api/models/claude-opus-4-6%3Fbeta=true',
      '/api/models/claude-opus-4-6%23x',
      '/api/models/a/b',
      '/api/v1/messages',
      '/api/health',
      '/api/../v1/complete',
    ]
    for (const path of paths) {
      const response = await app.request(path)
      expect(response.status, path).not.toBe(500)
    }
    expect(fake.stats.requests.length).toBeGreaterThan(0)
    for (const request of fake.stats.requests) expect(request).toMatch(ALLOWED_UPSTREAM_REQUEST)
  })
})

describe('GET /api/models/:id with random ids', () => {
  it('never answers 500, and calls the upstream for ids that fit the rule and never otherwise', async () => {
    // No budget and no failure cache here: the property is about which ids may reach the upstream at all.
    const { app, fake } = createTestApp({
      config: {
        lookupFailureTtlMs: 0,
        limits: { ...TEST_CONFIG.limits, retrievesPerMinute: 100_000, retrieveConcurrency: 1_000 },
      },
    })
    const ids = fc.oneof(fc.string({ unit: anyCodePoint }), fc.stringMatching(/^[A-Za-z0-9._:@%/ -]{1,12}$/))
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const before = fake.stats.requests.length
        const response = await app.request(`/api/models/${encodeURIComponent(id)}`)
        expect(response.status).not.toBe(500)
        // Random ids name no model, and with no failure TTL a 404 is not kept, so every valid one reaches the upstream.
        expect(fake.stats.requests.length - before).toBe(MODEL_ID_PATTERN.test(id) ? 1 : 0)
        if (!MODEL_ID_PATTERN.test(id)) expect(response.status).toBeGreaterThanOrEqual(400)
      }),
      { numRuns: 300 },
    )
    for (const request of fake.stats.requests) expect(request).toMatch(ALLOWED_UPSTREAM_REQUEST)
  })
})
