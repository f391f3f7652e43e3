import { APIError } from '@anthropic-ai/sdk'
import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../testing/test-app'
import { createCircuitBreaker } from './circuit-breaker'
import { retryAfterMs, withRetries } from './retrying'
import { UpstreamBackoffError, UpstreamDeadlineError } from './upstream-errors'

function upstreamError(status: number, headers: Record<string, string> = {}) {
  return APIError.generate(status, { type: 'error', error: { type: 'x', message: 'x' } }, 'x', new Headers(headers))
}

function policy(maxRetries = 2) {
  const clock = createFakeClock()
  const breaker = createCircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000, maxOpenMs: 300_000, now: clock.now })
  return { maxRetries, maxRetryWaitMs: 50, breaker, random: () => 0, clock }
}

/** A call that fails with each error in turn, then answers 'ok'; it counts its attempts. */
function scripted(...errors: unknown[]) {
  const call = async () => {
    call.attempts += 1
    const error = errors[call.attempts - 1]
    if (error) throw error
    return 'ok'
  }
  call.attempts = 0
  return call
}

describe('retries', () => {
  it('retries 429, 5xx and deadlines up to maxRetries, waiting no longer than the cap', async () => {
    const call = scripted(upstreamError(500), upstreamError(429, { 'retry-after': '0.01' }))
    const started = performance.now()
    await expect(withRetries(call, policy())).resolves.toBe('ok')
    expect(call.attempts).toBe(3)
    expect(performance.now() - started).toBeLessThan(300)
  })

  it('gives the last error after maxRetries', async () => {
    const call = scripted(new UpstreamDeadlineError('late'), new UpstreamDeadlineError('late'), upstreamError(503))
    await expect(withRetries(call, policy())).rejects.toMatchObject({ status: 503 })
    expect(call.attempts).toBe(3)
  })

  it('does not retry what retrying cannot fix: 401, 404, a bad body', async () => {
    for (const error of [upstreamError(401), upstreamError(404), new Error('bad body')]) {
      const call = scripted(error)
      await expect(withRetries(call, policy())).rejects.toBe(error)
      expect(call.attempts).toBe(1)
    }
  })

  it('fails at once, without sleeping, when Retry-After is longer than the cap', async () => {
    const settings = policy()
    const error = upstreamError(429, { 'retry-after': '3600' })
    const call = scripted(error)
    const started = performance.now()
    await expect(withRetries(call, settings)).rejects.toBe(error)
    expect(performance.now() - started).toBeLessThan(100)
    expect(call.attempts).toBe(1)
    // One answer does not open the breaker; repeated ones do, for as long as they ask (up to maxOpenMs).
    await expect(withRetries(scripted(), settings)).resolves.toBe('ok')
    for (let index = 0; index < 5; index += 1) await withRetries(scripted(error), settings).catch(() => {})
    expect(settings.breaker.retryAfterSeconds()).toBe(300)
  })

  it('stops retrying once the caller aborts, with the reason the caller gave', async () => {
    const controller = new AbortController()
    controller.abort(new UpstreamDeadlineError('the walk did not finish within 1 ms'))
    const call = scripted(upstreamError(500))
    await expect(withRetries(call, policy(), controller.signal)).rejects.toThrow('the walk did not finish')
    expect(call.attempts).toBe(1)
  })

  it('goes through the breaker on every attempt: an open circuit asks nothing', async () => {
    const settings = policy(10)
    const call = scripted(...Array.from({ length: 10 }, () => upstreamError(500)))
    await expect(withRetries(call, settings)).rejects.toBeInstanceOf(UpstreamBackoffError)
    expect(call.attempts).toBe(5)
  })
})

describe('reading Retry-After', () => {
  it('prefers retry-after-ms, then retry-after in seconds or as a date, else null', () => {
    const now = Date.UTC(2026, 0, 1)
    expect(retryAfterMs(upstreamError(429, { 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500)
    expect(retryAfterMs(upstreamError(429, { 'retry-after': '9' }), now)).toBe(9000)
    expect(retryAfterMs(upstreamError(429, { 'retry-after': new Date(now + 4000).toUTCString() }), now)).toBe(4000)
    expect(retryAfterMs(upstreamError(429, { 'retry-after': 'soon' }), now)).toBeNull()
    expect(retryAfterMs(upstreamError(429), now)).toBeNull()
    expect(retryAfterMs(new Error('not an answer'), now)).toBeNull()
  })
})
