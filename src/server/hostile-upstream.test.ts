import { describe, expect, it } from 'vitest'
import { changesPageSchema } from '../contract/history'
import { healthSchema } from '../contract/model'
import type { Fault } from '../fake-upstream/faults'
import { ODD_IDS } from '../fake-upstream/hostile-answers'
import { syntheticCatalogue } from '../fake-upstream/synthetic-catalogue'
import { createTestApp, readError, TEST_CONFIG } from '../testing/test-app'

/**
 * The BFF against an upstream having a bad day, or a hostile one, through
 * HTTP (app.request) and the fake's fault modes. Each asks: is the answer
 * bounded in time, are the upstream requests bounded, and is nothing called
 * fresh that is not? Limits are small so no test waits long.
 */

const ATTEMPT_MS = 100
const WALK_MS = 400
// Time for the app around the upstream: parsing, serializing, a loaded machine.
const SLACK_MS = 400
const CATALOGUE = syntheticCatalogue(30)
// Reading 1 MB takes a loaded machine well under this, and inflating 400 MB far more.
const CEILING_TEST_ATTEMPT_MS = 3_000

/** `attemptMs`: a ceiling's test gives a deadline long enough that only the ceiling can stop the answer. */
function hostileApp(attemptMs = ATTEMPT_MS, limits: Partial<typeof TEST_CONFIG.limits> = {}) {
  return createTestApp({
    upstream: { models: CATALOGUE },
    config: {
      upstreamTimeoutMs: attemptMs,
      upstreamMaxRetries: 2,
      limits: {
        ...TEST_CONFIG.limits,
        walkTimeoutMs: Math.max(WALK_MS, attemptMs),
        maxRetryWaitMs: 20,
        maxPageBytes: 1024 * 1024,
        maxWalkBytes: 4 * 1024 * 1024,
        walkMaxModels: 5_000,
        ...limits,
      },
    },
    pacing: { forcedRefreshIntervalMs: 0, retryAfterFailureMs: 1_000 },
  })
}

/** A warm app (one good walk), then the fault, then `refresh=1`: the answer, its time and its upstream requests. */
async function refreshAgainst(fault: Fault, attemptMs = ATTEMPT_MS) {
  const test = hostileApp(attemptMs)
  await test.listPage()
  const before = test.fake.stats.requests.length
  test.fake.setFault(fault)
  const started = performance.now()
  const page = await test.listPage({ refresh: '1' })
  const elapsedMs = performance.now() - started
  const health = healthSchema.parse(await (await test.app.request('/api/health')).json())
  return { ...test, page, elapsedMs, upstreamRequests: test.fake.stats.requests.length - before, health }
}

/** A cold app (no snapshot) and the fault: the first answer, its time and its upstream requests. */
async function coldAgainst(fault: Fault) {
  const test = hostileApp()
  test.fake.setFault(fault)
  const started = performance.now()
  const response = await test.app.request('/api/models')
  return {
    ...test,
    response,
    elapsedMs: performance.now() - started,
    upstreamRequests: test.fake.stats.requests.length,
  }
}

async function changeCount(app: ReturnType<typeof createTestApp>['app']): Promise<number> {
  return changesPageSchema.parse(await (await app.request('/api/changes?limit=1000')).json()).data.length
}

/** The old catalogue, served as stale with the reason, and the health check saying the same. */
function expectKeptAsStale(result: Awaited<ReturnType<typeof refreshAgainst>>, reason: RegExp) {
  expect(result.page).toMatchObject({ stale: true, total: CATALOGUE.length })
  expect(result.page.refresh_error).toMatch(reason)
  expect(result.health.catalogue).toMatchObject({ stale: true, count: CATALOGUE.length })
  expect(result.health.catalogue.refresh_error).toMatch(reason)
}

describe('a hostile upstream, warm (a good snapshot to keep)', () => {
  it('drip (headers, then a byte at a time): the attempt deadline covers the body; the walk ends by its deadline', async () => {
    const result = await refreshAgainst({ kind: 'drip', intervalMs: 10 })
    expect(result.elapsedMs).toBeLessThan(WALK_MS + SLACK_MS)
    expectKeptAsStale(result, /too slow/)
    expect(result.upstreamRequests).toBeLessThanOrEqual(3)
  })

  it('retry-after 3600: fails at once, sleeps not at all, and once it repeats the breaker keeps asks away', async () => {
    const result = await refreshAgainst({ kind: 'status', status: 429, retryAfterSeconds: 3600 })
    expect(result.elapsedMs).toBeLessThan(SLACK_MS)
    expectKeptAsStale(result, /rate limiting this server\. Retry in 3600 s/)
    expect(result.upstreamRequests).toBe(1)
    for (let index = 0; index < 20; index += 1) await result.listPage({ refresh: '1' })
    expect(result.fake.stats.requests.length).toBe(1 + TEST_CONFIG.limits.breakerFailures)
    expect((await result.listPage()).refresh_error).toMatch(/holding back.*Retry in 300 s/)
  })

  it('529 with retry-after-ms 2e9: fails at once instead of sleeping for weeks', async () => {
    const result = await refreshAgainst({ kind: 'status', status: 529, retryAfterMs: 2_000_000_000 })
    expect(result.elapsedMs).toBeLessThan(SLACK_MS)
    expectKeptAsStale(result, /overloaded/)
    expect(result.upstreamRequests).toBe(1)
  })

  it('a cursor loop (the same last_id again): stops at the repeat, after two pages', async () => {
    const result = await refreshAgainst({ kind: 'cursor-loop' })
    expectKeptAsStale(result, /led back to a page/)
    expect(result.upstreamRequests).toBe(2)
  })

  it('a cursor cycle (A, B, A): stops at the first cursor seen before, after three pages', async () => {
    const result = await refreshAgainst({ kind: 'cursor-cycle' })
    expectKeptAsStale(result, /led back to a page/)
    expect(result.upstreamRequests).toBe(3)
  })

  it('an empty page: the last good catalogue stays, stale, with no removals in the history', async () => {
    const result = await refreshAgainst({ kind: 'empty' })
    expectKeptAsStale(result, /listed no models at all/)
    expect(await changeCount(result.app)).toBe(0)
  })

  it('a redirect to another origin: refused, not followed', async () => {
    const result = await refreshAgainst({ kind: 'redirect', location: 'http://other-origin.invalid/v1/models' })
    expectKeptAsStale(result, /redirect/)
    expect(result.upstreamRequests).toBe(1)
    expect(result.fake.stats.requests.every((request) => request.startsWith('GET /v1/models'))).toBe(true)
  })

  it('a 50 MB body: cut off at the page ceiling while it streams, not retried', async () => {
    const result = await refreshAgainst({ kind: 'huge', bytes: 50 * 1024 * 1024 }, CEILING_TEST_ATTEMPT_MS)
    expect(result.elapsedMs).toBeLessThan(CEILING_TEST_ATTEMPT_MS)
    expectKeptAsStale(result, /larger than 1048576 bytes/)
    expect(result.upstreamRequests).toBe(1)
  })

  it('a gzip bomb (400 MB when inflated): cut off at the ceiling of decoded bytes', async () => {
    const result = await refreshAgainst({ kind: 'gzip-bomb', bytes: 400 * 1024 * 1024 }, CEILING_TEST_ATTEMPT_MS)
    expect(result.elapsedMs).toBeLessThan(CEILING_TEST_ATTEMPT_MS)
    expectKeptAsStale(result, /larger than 1048576 bytes/)
    expect(result.upstreamRequests).toBe(1)
  })

  it('100k models: the walk stops at the model ceiling, six pages in', async () => {
    // Full 2026-10-21 records are about 1 KB each: room for the pages, so the model ceiling is what stops it.
    const test = hostileApp(ATTEMPT_MS, { maxPageBytes: 4 * 1024 * 1024, maxWalkBytes: 64 * 1024 * 1024 })
    await test.listPage()
    test.fake.setModels(syntheticCatalogue(100_000))
    const page = await test.listPage({ refresh: '1' })
    expect(page).toMatchObject({ stale: true, total: CATALOGUE.length })
    expect(page.refresh_error).toMatch(/went past 5000 models/)
    expect(test.fake.stats.listCalls).toBe(1 + 6)
  })

  it('duplicate ids: collapsed, the first of each kept, and logged', async () => {
    const result = await refreshAgainst({ kind: 'duplicates' })
    expect(result.page).toMatchObject({ stale: false, refresh_error: null, total: CATALOGUE.length })
    const all = await result.listPage({ limit: '1000' })
    expect(all.data.some((model) => model.display_name.includes('(duplicate)'))).toBe(false)
    expect(result.logger.lines.some((line) => /repeated 3 model id/.test(line))).toBe(true)
    expect(await changeCount(result.app)).toBe(0)
  })
})

describe('a hostile upstream, cold (nothing to keep)', () => {
  it('drip: a 504 by the walk deadline, never a hang', async () => {
    const result = await coldAgainst({ kind: 'drip', intervalMs: 10 })
    expect(result.response.status).toBe(504)
    expect(result.elapsedMs).toBeLessThan(WALK_MS + SLACK_MS)
    expect(result.upstreamRequests).toBeLessThanOrEqual(3)
  })

  it('retry-after 3600: a 503 that passes Retry-After on, at once', async () => {
    const result = await coldAgainst({ kind: 'status', status: 429, retryAfterSeconds: 3600 })
    expect(result.response.status).toBe(503)
    expect(result.response.headers.get('retry-after')).toBe('3600')
    expect(result.elapsedMs).toBeLessThan(SLACK_MS)
    expect(result.upstreamRequests).toBe(1)
  })

  it('an empty first walk: shown (there is nothing else), but stale and saying why, and not in the history', async () => {
    const result = await coldAgainst({ kind: 'empty' })
    expect(result.response.status).toBe(200)
    const page = (await result.response.json()) as { total: number; stale: boolean; refresh_error: string | null }
    expect(page).toMatchObject({ total: 0, stale: true })
    expect(page.refresh_error).toMatch(/listed no models at all/)
    // The next good walk is the baseline: no phantom additions.
    result.fake.setFault(null)
    result.clock.advance(1_000)
    expect((await result.listPage({ refresh: '1' })).total).toBe(CATALOGUE.length)
    expect(await changeCount(result.app)).toBe(0)
  })

  it('a redirect: refused with a message that says where to look', async () => {
    const result = await coldAgainst({ kind: 'redirect', location: 'http://other-origin.invalid/v1/models' })
    expect(result.response.status).toBe(502)
    const { error } = await readError(result.response)
    expect(error.message).toMatch(/redirect/)
    expect(error.message).not.toContain('ANTHROPIC_BASE_URL')
    expect(error.operator_hint).toContain('ANTHROPIC_BASE_URL')
  })
})

describe('odd ids the upstream sends', () => {
  it('are listed, pageable with after_id and before_id, and openable from the snapshot', async () => {
    const test = hostileApp()
    test.fake.setFault({ kind: 'odd-ids' })
    const seen: string[] = []
    let query: Record<string, string> = { limit: '2', sort: 'id' }
    for (;;) {
      const page = await test.listPage(query)
      seen.push(...page.data.map((model) => model.id))
      if (!page.has_more) break
      query = { limit: '2', sort: 'id', after_id: page.last_id! }
    }
    expect(seen).toHaveLength(CATALOGUE.length + ODD_IDS.length)
    expect(new Set(seen)).toEqual(new Set([...ODD_IDS, ...CATALOGUE.map((model) => model.id)]))
    const before = await test.listPage({ limit: '2', sort: 'id', before_id: 'claude odd id' })
    expect(before.data.length).toBeGreaterThan(0)
    const requests = test.fake.stats.requests.length
    // '..' cannot be a URL path segment at all; every other one opens from the snapshot, with no upstream call.
    for (const id of ODD_IDS.filter((odd) => odd !== '..')) {
      const response = await test.app.request(`/api/models/${encodeURIComponent(id)}`)
      expect(response.status, id).toBe(200)
      expect(((await response.json()) as { id: string }).id).toBe(id)
    }
    expect(test.fake.stats.requests.length).toBe(requests)
  })

  it('an unlisted id that could walk the upstream URL is still refused before it leaves', async () => {
    const test = hostileApp()
    await test.listPage()
    const response = await test.app.request(`/api/models/${encodeURIComponent('claude/../../v1/complete')}`)
    expect(response.status).toBe(400)
    expect(test.fake.stats.retrieveCalls).toBe(0)
  })
})
