import { describe, expect, it } from 'vitest'
import { countingFetch } from './counting-fetch'
import { createMetrics } from './metrics'

async function countsAfter(fetch: typeof globalThis.fetch) {
  const metrics = createMetrics()
  await countingFetch(fetch, 'staging', metrics)('http://upstream.test/v1/models').catch(() => {})
  const counted = await metrics.upstreamRequests.get()
  const timed = await metrics.upstreamRequestDuration.get()
  return {
    outcomes: counted.values.map(({ labels, value }) => ({ ...labels, value })),
    timed: timed.values.find((value) => value.metricName?.endsWith('_count'))?.value,
  }
}

describe('countingFetch', () => {
  it.each([
    [200, 'ok'],
    [304, 'ok'],
    [400, 'client_error'],
    [401, 'auth_error'],
    [403, 'auth_error'],
    [404, 'client_error'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [529, 'overloaded'],
  ])('counts an answer with status %i as %s, and times it', async (status, outcome) => {
    const { outcomes, timed } = await countsAfter(async () => new Response(null, { status }))
    expect(outcomes).toEqual([{ workspace: 'staging', outcome, value: 1 }])
    expect(timed).toBe(1)
  })

  it.each([
    [new DOMException('The operation was aborted.', 'AbortError'), 'timeout'],
    [new DOMException('Timed out', 'TimeoutError'), 'timeout'],
    [new TypeError('fetch failed'), 'network_error'],
  ])('counts a request that failed with %s as %s, and passes the failure on', async (error, outcome) => {
    const metrics = createMetrics()
    const failing = countingFetch(async () => Promise.reject(error), 'default', metrics)
    await expect(failing('http://upstream.test/v1/models')).rejects.toBe(error)
    const counted = await metrics.upstreamRequests.get()
    expect(counted.values.map(({ labels }) => labels)).toEqual([{ workspace: 'default', outcome }])
  })
})
