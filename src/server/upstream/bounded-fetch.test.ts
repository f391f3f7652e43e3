import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createFakeUpstream, FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import type { Fault } from '../../fake-upstream/faults'
import { hangingFetch } from '../../testing/hanging-fetch'
import { boundedFetch } from './bounded-fetch'
import { UpstreamDeadlineError, UpstreamRedirectError, UpstreamTooLargeError } from './upstream-errors'

const LIST = 'http://upstream.test/v1/models?limit=1000'
const HEADERS = { 'x-api-key': FAKE_API_KEY, 'anthropic-version': '2023-06-01' }

function fetchAgainst(fault: Fault | null, limits = { attemptTimeoutMs: 100, maxBodyBytes: 64 * 1024 }) {
  const fake = createFakeUpstream()
  fake.setFault(fault)
  return { fake, fetch: boundedFetch(fake.fetch, limits) }
}

describe('the bounded fetch', () => {
  it('hands on a normal answer whole, status and headers kept', async () => {
    const { fetch } = fetchAgainst(null)
    const response = await fetch(LIST, { headers: HEADERS })
    expect(response.status).toBe(200)
    expect(response.headers.get('request-id')).toMatch(/^req_FAKE[0-9A-Za-z]{20}$/)
    expect(((await response.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0)
  })

  it('stops a body that drips after the headers at the attempt deadline', async () => {
    const { fetch } = fetchAgainst({ kind: 'drip', intervalMs: 5 })
    const started = performance.now()
    await expect(fetch(LIST, { headers: HEADERS })).rejects.toBeInstanceOf(UpstreamDeadlineError)
    expect(performance.now() - started).toBeLessThan(400)
  })

  it('stops an upstream that never answers at the attempt deadline', async () => {
    const { fetch } = fetchAgainst({ kind: 'hang' })
    await expect(fetch(LIST, { headers: HEADERS })).rejects.toThrow(
      'a request to the Anthropic API did not finish within 100 ms',
    )
  })

  it('refuses a redirect instead of following it, and asks nothing more', async () => {
    const { fetch, fake } = fetchAgainst({ kind: 'redirect', location: 'http://elsewhere.invalid/v1/models' })
    await expect(fetch(LIST, { headers: HEADERS })).rejects.toBeInstanceOf(UpstreamRedirectError)
    expect(fake.stats.requests).toHaveLength(1)
  })

  it('cuts off a body over the ceiling while it streams', async () => {
    const { fetch } = fetchAgainst({ kind: 'huge', bytes: 10 * 1024 * 1024 })
    await expect(fetch(LIST, { headers: HEADERS })).rejects.toThrow(
      'an answer was larger than 65536 bytes (UPSTREAM_MAX_PAGE_BYTES)',
    )
  })

  it('counts a gzip body by its decoded bytes', async () => {
    const { fetch } = fetchAgainst({ kind: 'gzip-bomb', bytes: 4 * 1024 * 1024 })
    await expect(fetch(LIST, { headers: HEADERS })).rejects.toBeInstanceOf(UpstreamTooLargeError)
  })

  it("ends with the caller's own abort reason when its signal aborts first", async () => {
    const { fetch } = fetchAgainst({ kind: 'drip', intervalMs: 5 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(new UpstreamDeadlineError('the walk did not finish within 20 ms')), 20)
    await expect(fetch(LIST, { headers: HEADERS, signal: controller.signal })).rejects.toThrow(
      'the walk did not finish within 20 ms',
    )
  })
})

describe('the bounded fetch while the server stops', () => {
  const limits = { attemptTimeoutMs: 10_000, maxBodyBytes: 64 * 1024 }

  it('aborts a request in flight when the server stops, and one started after at once', async () => {
    const stopping = new AbortController()
    const fetchUntilStopped = boundedFetch(hangingFetch, { ...limits, stopping: stopping.signal })
    const own = new AbortController()
    const inFlight = fetchUntilStopped(LIST, { signal: own.signal })
    stopping.abort()
    await expect(inFlight).rejects.toThrow()
    await expect(fetchUntilStopped(LIST)).rejects.toThrow()
  })

  it('still honours the request’s own signal', async () => {
    const own = new AbortController()
    const request = boundedFetch(hangingFetch, { ...limits, stopping: new AbortController().signal })(LIST, {
      signal: own.signal,
    })
    own.abort()
    await expect(request).rejects.toThrow()
  })

  it('leaves nothing on the server’s stop signal once a request is over, answered or failed', async () => {
    const stopping = new AbortController()
    const fake = createFakeUpstream()
    const fetch = boundedFetch(fake.fetch, {
      attemptTimeoutMs: 100,
      maxBodyBytes: 64 * 1024,
      stopping: stopping.signal,
    })
    await (await fetch(LIST, { headers: HEADERS, signal: new AbortController().signal })).json()
    fake.setFault({ kind: 'hang' })
    await expect(fetch(LIST, { headers: HEADERS })).rejects.toBeInstanceOf(UpstreamDeadlineError)
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(0)
  })
})
