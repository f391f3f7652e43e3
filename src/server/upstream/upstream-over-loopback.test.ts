import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFakeUpstream, FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { nodeHandler } from '../../fake-upstream/node-handler'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { TEST_CONFIG } from '../../testing/test-app'
import { createUpstream } from './upstream'
import { UpstreamDeadlineError, UpstreamRedirectError, UpstreamTooLargeError } from './upstream-errors'

/**
 * The upstream client with Node's own fetch (undici) against the fake on a
 * real loopback port: real sockets, real gzip decoding, real redirects. What
 * the in-process fake cannot show: the socket is closed at the deadline, and
 * the gzip bomb is stopped as undici inflates it.
 */

const fake = createFakeUpstream({ models: syntheticCatalogue(30) })
let server: Server
let baseURL: string
let closedSockets = 0

beforeAll(async () => {
  server = createServer(nodeHandler((request, signal) => fake.handle(request, signal)))
  server.on('connection', (socket) => socket.on('close', () => (closedSockets += 1)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => fake.reset())

/** The client under test; a ceiling's test gives it a deadline long enough that only the ceiling can stop it. */
function upstream(attemptTimeoutMs = 150) {
  return createUpstream({
    apiKey: FAKE_API_KEY,
    baseURL,
    betas: [],
    limits: { ...TEST_CONFIG.limits, attemptTimeoutMs, maxRetries: 0, maxPageBytes: 1024 * 1024 },
    now: Date.now,
  })
}

describe('the upstream over a real socket', () => {
  it('walks a healthy catalogue', async () => {
    expect(await upstream().walk()).toHaveLength(30)
  })

  it('closes the socket of a dripping body at the attempt deadline', async () => {
    fake.setFault({ kind: 'drip', intervalMs: 10 })
    const before = closedSockets
    const started = performance.now()
    await expect(upstream().walk()).rejects.toBeInstanceOf(UpstreamDeadlineError)
    expect(performance.now() - started).toBeLessThan(600)
    await expect.poll(() => closedSockets).toBeGreaterThan(before)
  })

  it('stops a gzip bomb as undici inflates it, at the ceiling of decoded bytes', async () => {
    fake.setFault({ kind: 'gzip-bomb', bytes: 400 * 1024 * 1024 })
    const started = performance.now()
    await expect(upstream(10_000).walk()).rejects.toBeInstanceOf(UpstreamTooLargeError)
    // Far under what inflating 400 MB would take.
    expect(performance.now() - started).toBeLessThan(3_000)
  })

  it('refuses a redirect to another origin, which is never asked', async () => {
    fake.setFault({ kind: 'redirect', location: 'http://127.0.0.1:9/v1/models' })
    await expect(upstream().walk()).rejects.toBeInstanceOf(UpstreamRedirectError)
    expect(fake.stats.requests).toHaveLength(1)
  })

  it('cuts off a 50 MB body at the page ceiling', async () => {
    fake.setFault({ kind: 'huge', bytes: 50 * 1024 * 1024 })
    await expect(upstream(10_000).walk()).rejects.toThrow(
      'an answer was larger than 1048576 bytes (UPSTREAM_MAX_PAGE_BYTES)',
    )
  })
})
