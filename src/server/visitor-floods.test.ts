import { describe, expect, it } from 'vitest'
import { createTestApp, readError, TEST_CONFIG } from '../testing/test-app'

/**
 * Visitors cannot decide what the key costs: floods of hostile requests,
 * with the upstream requests counted. The bounds are the README's ("Bad days").
 */

const RETRIEVES_PER_MINUTE = TEST_CONFIG.limits.retrievesPerMinute
const BURST = TEST_CONFIG.limits.retrieveConcurrency

describe('1,000 distinct unknown model ids', () => {
  it('cost at most the burst at once, and at most the budget per minute after it', async () => {
    const { app, fake, clock, listPage } = createTestApp()
    await listPage()
    const statuses = new Map<number, number>()
    for (let index = 0; index < 1_000; index += 1) {
      const response = await app.request(`/api/models/claude-unknown-${index}`)
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      // 1,000 requests over a minute.
      clock.advance(60)
    }
    expect(fake.stats.retrieveCalls).toBeLessThanOrEqual(BURST + RETRIEVES_PER_MINUTE)
    expect(statuses.get(404)).toBe(fake.stats.retrieveCalls)
    expect(statuses.get(503)).toBe(1_000 - fake.stats.retrieveCalls)
  })

  it('say why they are refused over budget, with Retry-After', async () => {
    const { app, listPage } = createTestApp()
    await listPage()
    for (let index = 0; index < BURST; index += 1) await app.request(`/api/models/claude-unknown-${index}`)
    const refused = await app.request('/api/models/claude-unknown-over')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect((await readError(refused)).error.message).toMatch(/budget of Anthropic API lookups.*Retry in 1 s/)
  })

  it('asked again within the failure TTL, cost nothing more', async () => {
    const { app, fake, listPage } = createTestApp()
    await listPage()
    for (let round = 0; round < 250; round += 1) {
      for (let index = 0; index < BURST; index += 1) await app.request(`/api/models/claude-unknown-${index}`)
    }
    expect(fake.stats.retrieveCalls).toBe(BURST)
  })

  it.each([500, 429])(
    'while the upstream fails with %i and retries are on, stop at the circuit breaker',
    async (status) => {
      const { app, fake, listPage } = createTestApp({
        config: {
          upstreamMaxRetries: 2,
          limits: { ...TEST_CONFIG.limits, maxRetryWaitMs: 1, retrievesPerMinute: 100_000 },
        },
      })
      await listPage()
      fake.setFault({ kind: 'status', status })
      for (let index = 0; index < 1_000; index += 1) await app.request(`/api/models/claude-unknown-${index}`)
      expect(fake.stats.retrieveCalls).toBe(0)
      expect(fake.stats.requests.length - 1).toBe(TEST_CONFIG.limits.breakerFailures)
    },
  )
})

describe('1,000 lookups over a minute while the upstream fails, retries on', () => {
  const ATTEMPTS = 3
  const ERROR_WINDOWS_PER_MINUTE = 60_000 / TEST_CONFIG.lookupErrorTtlMs
  const oneId = () => 'claude-unknown-x'
  const distinctIds = (index: number) => `claude-unknown-${index}`
  // With the breaker on (5 failures), it bounds both; with it off, failed lookups are repeated from memory
  // for LOOKUP_ERROR_TTL_MS (one retrieve per id per 5 s), and distinct ids stop at the retrieve budget.
  const BREAKER_OFF = 1_000
  it.each([
    [500, 'one id', oneId, TEST_CONFIG.limits.breakerFailures, TEST_CONFIG.limits.breakerFailures + ATTEMPTS],
    [429, 'one id', oneId, TEST_CONFIG.limits.breakerFailures, TEST_CONFIG.limits.breakerFailures + ATTEMPTS],
    [500, 'one id', oneId, BREAKER_OFF, (ERROR_WINDOWS_PER_MINUTE + 1) * ATTEMPTS],
    [429, 'one id', oneId, BREAKER_OFF, (ERROR_WINDOWS_PER_MINUTE + 1) * ATTEMPTS],
    [
      500,
      'distinct ids',
      distinctIds,
      TEST_CONFIG.limits.breakerFailures,
      TEST_CONFIG.limits.breakerFailures + ATTEMPTS,
    ],
    [
      429,
      'distinct ids',
      distinctIds,
      TEST_CONFIG.limits.breakerFailures,
      TEST_CONFIG.limits.breakerFailures + ATTEMPTS,
    ],
    [500, 'distinct ids', distinctIds, BREAKER_OFF, (BURST + RETRIEVES_PER_MINUTE) * ATTEMPTS],
    [429, 'distinct ids', distinctIds, BREAKER_OFF, (BURST + RETRIEVES_PER_MINUTE) * ATTEMPTS],
  ])(
    'during a %i outage, %s cost a bounded number of upstream requests (breaker after %i failures)',
    async (status, _ids, idOf, breakerFailures, bound) => {
      const { app, fake, clock, listPage } = createTestApp({
        config: {
          upstreamMaxRetries: ATTEMPTS - 1,
          limits: { ...TEST_CONFIG.limits, maxRetryWaitMs: 1, breakerFailures },
        },
      })
      await listPage()
      fake.setFault({ kind: 'status', status })
      const statuses = new Set<number>()
      for (let index = 0; index < 1_000; index += 1) {
        const response = await app.request(`/api/models/${idOf(index)}`)
        statuses.add(response.status)
        // Never a fresh answer, never one without a time to come back.
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
        clock.advance(60)
      }
      expect([...statuses].every((answer) => answer === 502 || answer === 503)).toBe(true)
      expect(fake.stats.requests.length - 1).toBeLessThanOrEqual(bound)
    },
  )
})

describe('1,000 visitors at a cold start with a refused key', () => {
  it('start one walk per back-off step, not one each', async () => {
    const { app, fake, clock } = createTestApp({ upstream: { apiKey: 'sk-ant-another-key' } })
    const statuses = new Set<number>()
    for (let index = 0; index < 1_000; index += 1) {
      statuses.add((await app.request('/api/models')).status)
      // 1,000 visitors over 100 s.
      clock.advance(100)
    }
    expect([...statuses]).toEqual([502])
    // Back-off steps of 5 s, then 5–10, 10–20, 20–40, 40–80 s: at most six walks begin in 100 s.
    // The fake counts a refused request, not a list call.
    expect(fake.stats.requests.length).toBeGreaterThanOrEqual(3)
    expect(fake.stats.requests.length).toBeLessThanOrEqual(6)
  })

  it('arriving all at once share one walk', async () => {
    const { app, fake } = createTestApp({ upstream: { apiKey: 'sk-ant-another-key' } })
    fake.setLatency(10)
    const responses = await Promise.all(Array.from({ length: 1_000 }, () => app.request('/api/models')))
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([502]))
    expect(fake.stats.requests).toHaveLength(1)
  })
})

describe('1,000 visitors forcing refreshes against a cycling cursor', () => {
  it('cost three requests per forced-refresh interval at most', async () => {
    const { listPage, fake, clock } = createTestApp()
    await listPage()
    fake.setFault({ kind: 'cursor-cycle' })
    for (let index = 0; index < 1_000; index += 1) {
      await listPage({ refresh: '1' })
      clock.advance(120)
    }
    // 120 s, a forced walk at most every 5 s (and the back-off between failed ones), three pages each.
    expect(fake.stats.requests.length - 1).toBeLessThanOrEqual(3 * 24)
  })
})

describe('requests from other sites', () => {
  const paths = [
    '/api/models/claude-unknown-x',
    '/api/models?refresh=1',
    '/api/health',
    '/api/availability',
    '/api/changes',
    '/feed.xml',
  ]

  it('are refused with 403 in the error shape, and reach no upstream', async () => {
    const { app, fake } = createTestApp()
    const hostile: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ]
    for (const path of paths) {
      for (const headers of hostile) {
        const response = await app.request(`http://localhost${path}`, { headers })
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403)
        expect((await readError(response)).error.type).toBe('permission_error')
      }
    }
    expect(fake.stats.requests).toHaveLength(0)
  })

  it('1,000 cross-site image requests for unknown ids trigger no retrieve', async () => {
    const { app, fake } = createTestApp()
    for (let index = 0; index < 1_000; index += 1) {
      await app.request(`http://localhost/api/models/claude-x-${index}`, {
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
      })
    }
    expect(fake.stats.retrieveCalls).toBe(0)
  })

  it("let the dashboard's own requests and tools without a browser through", async () => {
    const { app } = createTestApp()
    const allowed: Record<string, string>[] = [
      {},
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'http://localhost:8787', 'sec-fetch-site': 'same-origin' },
    ]
    for (const headers of allowed) {
      const response = await app.request('http://localhost:8787/api/health', { headers })
      expect(response.status, JSON.stringify(headers)).toBe(200)
    }
  })
})
