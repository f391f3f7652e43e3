import { describe, expect, it } from 'vitest'
import { changesPageSchema } from '../contract/history'
import { healthSchema } from '../contract/model'
import { FAKE_API_KEY } from '../fake-upstream/fake-upstream'
import type { Fault } from '../fake-upstream/faults'
import { ODD_IDS } from '../fake-upstream/hostile-answers'
import { syntheticCatalogue } from '../fake-upstream/synthetic-catalogue'
import { countingBodyBytes, retainedBytes } from '../testing/measured-memory'
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
const PAGE_CEILING = 1024 * 1024
// Reading 1 MB takes a loaded machine well under this, and inflating 400 MB far more.
const CEILING_TEST_ATTEMPT_MS = 3_000

/** `attemptMs`: a ceiling's test gives a deadline long enough that only the ceiling can stop the answer. */
function hostileApp(
  attemptMs = ATTEMPT_MS,
  limits: Partial<typeof TEST_CONFIG.limits> = {},
  transport?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch,
) {
  return createTestApp({
    transport,
    upstream: { models: CATALOGUE },
    config: {
      upstreamTimeoutMs: attemptMs,
      upstreamMaxRetries: 2,
      limits: {
        ...TEST_CONFIG.limits,
        walkTimeoutMs: Math.max(WALK_MS, attemptMs),
        maxRetryWaitMs: 20,
        maxPageBytes: PAGE_CEILING,
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

/** What one hostile mode may cost at most, and what the catalogue must say while it lasts. */
interface HostileMode {
  name: string
  fault: Fault
  /** The refresh_error while it lasts; null when the walk is right to be believed (the upstream's oddity is handled). */
  reason: RegExp | null
  /** Upstream requests of one forced refresh. */
  maxRequests: number
  /** A ceiling's test gives a deadline long enough that only the ceiling can stop the answer. */
  attemptMs?: number
  limits?: Partial<typeof TEST_CONFIG.limits>
  /** Bytes the server may pull from the upstream's bodies in one refresh (decoded). */
  maxBodyBytes: number
}

// A body is read a chunk ahead of its counter: the fake's padding comes in 64 KiB, an inflated gzip member in 1 MiB.
const CHUNK_SLACK = 1024 * 1024
// A whole good walk of the test catalogue, with room to spare.
const GOOD_WALK_BYTES = 256 * 1024
// What the server may still hold after a mode, its caches included: far less than any hostile body.
const RETAINED_GROWTH_LIMIT = 24 * 1024 * 1024

/** A body the page ceiling must cut off while it streams: given time enough that only the ceiling can, read once. */
function cutAtPageCeiling(name: string, fault: Fault): HostileMode {
  return {
    name,
    fault,
    reason: /larger than 1048576 bytes/,
    maxRequests: 1,
    attemptMs: CEILING_TEST_ATTEMPT_MS,
    maxBodyBytes: PAGE_CEILING + CHUNK_SLACK,
  }
}

const HOSTILE_MODES: HostileMode[] = [
  { name: 'drip', fault: { kind: 'drip', intervalMs: 10 }, reason: /too slow/, maxRequests: 3, maxBodyBytes: 1024 },
  {
    name: 'retry-after 3600',
    fault: { kind: 'status', status: 429, retryAfterSeconds: 3600 },
    reason: /rate limiting this server\. Retry in 3600 s/,
    maxRequests: 1,
    maxBodyBytes: 4096,
  },
  {
    name: '529 with retry-after-ms 2e9',
    fault: { kind: 'status', status: 529, retryAfterMs: 2_000_000_000 },
    reason: /overloaded/,
    maxRequests: 1,
    maxBodyBytes: 4096,
  },
  {
    name: 'cursor loop',
    fault: { kind: 'cursor-loop' },
    reason: /led back to a page/,
    maxRequests: 2,
    maxBodyBytes: 2 * GOOD_WALK_BYTES,
  },
  {
    name: 'cursor cycle',
    fault: { kind: 'cursor-cycle' },
    reason: /led back to a page/,
    maxRequests: 3,
    maxBodyBytes: 3 * GOOD_WALK_BYTES,
  },
  {
    name: 'empty page',
    fault: { kind: 'empty' },
    reason: /listed no models at all/,
    maxRequests: 1,
    maxBodyBytes: 1024,
  },
  {
    name: 'redirect to another origin',
    fault: { kind: 'redirect', location: 'http://other-origin.invalid/v1/models' },
    reason: /redirect/,
    maxRequests: 1,
    maxBodyBytes: 0,
  },
  cutAtPageCeiling('50 MB body', { kind: 'huge', bytes: 50 * 1024 * 1024 }),
  cutAtPageCeiling('gzip bomb (400 MB inflated)', { kind: 'gzip-bomb', bytes: 400 * 1024 * 1024 }),
  {
    // Full 2026-10-21 records are about 1 KB each: room for the pages, so the model ceiling is what stops it.
    name: '100k models',
    fault: { kind: 'many-models', count: 100_000 },
    reason: /went past 5000 models/,
    maxRequests: 6,
    attemptMs: CEILING_TEST_ATTEMPT_MS,
    limits: { maxPageBytes: 4 * 1024 * 1024, maxWalkBytes: 64 * 1024 * 1024 },
    maxBodyBytes: 6 * 2 * 1024 * 1024,
  },
  { name: 'duplicate ids', fault: { kind: 'duplicates' }, reason: null, maxRequests: 1, maxBodyBytes: GOOD_WALK_BYTES },
  { name: 'odd ids', fault: { kind: 'odd-ids' }, reason: null, maxRequests: 1, maxBodyBytes: GOOD_WALK_BYTES },
  {
    name: 'lone surrogate in names',
    fault: { kind: 'lone-surrogate' },
    reason: null,
    maxRequests: 1,
    maxBodyBytes: GOOD_WALK_BYTES,
  },
]

async function primeFake(fake: ReturnType<typeof createTestApp>['fake']) {
  const headers = { 'x-api-key': FAKE_API_KEY, 'anthropic-version': '2023-06-01' }
  const response = await fake.fetch('http://upstream.test/v1/models?limit=1', { headers })
  await response.body?.cancel()
}

/** What the fault's walks may add to the history: only what the upstream really changed. */
function realChangesOf(mode: HostileMode): number {
  // Odd ids are six more models the upstream lists, then no longer lists; names with a lone surrogate are
  // three renames, then three back. Nothing else changes the catalogue.
  if (mode.fault.kind === 'odd-ids') return ODD_IDS.length
  if (mode.fault.kind === 'lone-surrogate') return 3
  return 0
}

describe('every hostile mode, warm (a good snapshot to keep): bounded time, requests and memory; no false freshness; no phantom history', () => {
  for (const mode of HOSTILE_MODES) {
    it(mode.name, async () => {
      const attemptMs = mode.attemptMs ?? ATTEMPT_MS
      const counted = { bytes: 0 }
      const test = hostileApp(attemptMs, mode.limits, countingBodyBytes(counted))
      await test.listPage()
      test.fake.setFault(mode.fault)
      // The fake (the outside world, in this process) makes what it serves once: made before the measure.
      await primeFake(test.fake)
      const retainedBefore = retainedBytes()
      const requestsBefore = test.fake.stats.requests.length
      const bytesBefore = counted.bytes
      const started = performance.now()
      const page = await test.listPage({ refresh: '1', limit: '1000' })
      const elapsedMs = performance.now() - started
      expect(elapsedMs, 'bounded time').toBeLessThan(Math.max(WALK_MS, attemptMs) + SLACK_MS)
      expect(test.fake.stats.requests.length - requestsBefore, 'bounded upstream requests').toBeLessThanOrEqual(
        mode.maxRequests,
      )
      expect(counted.bytes - bytesBefore, 'bounded bytes read').toBeLessThanOrEqual(mode.maxBodyBytes)
      const health = healthSchema.parse(await (await test.app.request('/api/health')).json())
      if (mode.reason) {
        // No false freshness: the last good catalogue, called stale, with the reason; the health check agrees.
        expect(page).toMatchObject({ stale: true, total: CATALOGUE.length })
        expect(page.refresh_error).toMatch(mode.reason)
        expect(health.catalogue).toMatchObject({ stale: true, count: CATALOGUE.length })
        expect(health.catalogue.refresh_error).toMatch(mode.reason)
      } else {
        expect(page).toMatchObject({ stale: false, refresh_error: null })
        expect(health.catalogue).toMatchObject({ stale: false, refresh_error: null })
        expect(page.data.some((model) => model.display_name.includes('(duplicate)'))).toBe(false)
      }
      expect(retainedBytes() - retainedBefore, 'bounded memory held after the mode').toBeLessThan(RETAINED_GROWTH_LIMIT)

      // The upstream recovers (past any back-off): two good walks, so any removal would be recorded by now.
      test.fake.setFault(null)
      test.clock.advance(10_000)
      for (let walk = 0; walk < 2; walk += 1) {
        expect(await test.listPage({ refresh: '1' })).toMatchObject({ stale: false, total: CATALOGUE.length })
        test.clock.advance(10_000)
      }
      expect(await changeCount(test.app), 'no phantom history').toBe(2 * realChangesOf(mode))
    })
  }

  it('retry-after 3600, repeated: once it repeats, the breaker keeps asks away for as long as it may', async () => {
    const result = await refreshAgainst({ kind: 'status', status: 429, retryAfterSeconds: 3600 })
    for (let index = 0; index < 20; index += 1) await result.listPage({ refresh: '1' })
    expect(result.fake.stats.requests.length).toBe(1 + TEST_CONFIG.limits.breakerFailures)
    expect((await result.listPage()).refresh_error).toMatch(/holding back.*Retry in 300 s/)
  })

  it('duplicate ids: the first of each kept, and the repeat logged', async () => {
    const result = await refreshAgainst({ kind: 'duplicates' })
    expect(result.logger.lines.some((line) => /repeated 3 model id/.test(line))).toBe(true)
  })
})

describe('names with a lone surrogate from the first walk on', () => {
  it('record no rename, walk after walk (compared as the store keeps them)', async () => {
    const test = hostileApp()
    test.fake.setFault({ kind: 'lone-surrogate' })
    for (let walk = 0; walk < 5; walk += 1) {
      expect(await test.listPage({ refresh: '1' })).toMatchObject({ stale: false, total: CATALOGUE.length })
      test.clock.advance(10_000)
    }
    expect(await changeCount(test.app)).toBe(0)
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
