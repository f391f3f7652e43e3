import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../testing/test-app'
import { createCircuitBreaker } from './circuit-breaker'
import { UpstreamBackoffError } from './upstream-errors'

function breaker() {
  const clock = createFakeClock()
  const it = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, maxOpenMs: 60_000, now: clock.now })
  return { breaker: it, clock }
}

/** One call through the breaker that fails with the upstream to blame. */
function failOnce(subject: ReturnType<typeof createCircuitBreaker>, retryAfterMs: number | null = null) {
  const { probe } = subject.enter()
  subject.failed(probe, retryAfterMs)
}

describe('the circuit breaker', () => {
  it('lets calls through until the threshold of failures in a row, then refuses them with a Retry-After', () => {
    const { breaker: subject } = breaker()
    failOnce(subject)
    failOnce(subject)
    expect(() => subject.enter()).not.toThrow()
    subject.failed(false, null)
    const error = (() => {
      try {
        subject.enter()
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(UpstreamBackoffError)
    expect((error as UpstreamBackoffError).retryAfterSeconds).toBe(10)
  })

  it('is reset by a success: failures must be in a row', () => {
    const { breaker: subject } = breaker()
    failOnce(subject)
    failOnce(subject)
    subject.succeeded(subject.enter().probe)
    failOnce(subject)
    failOnce(subject)
    expect(() => subject.enter()).not.toThrow()
  })

  it('after the cooldown lets one probe through; others wait until it ends, and its success closes the circuit', () => {
    const { breaker: subject, clock } = breaker()
    for (let index = 0; index < 3; index += 1) failOnce(subject)
    clock.advance(10_000)
    const { probe } = subject.enter()
    expect(probe).toBe(true)
    expect(() => subject.enter()).toThrow(UpstreamBackoffError)
    subject.succeeded(probe)
    expect(subject.enter().probe).toBe(false)
  })

  it('reopens when the probe fails', () => {
    const { breaker: subject, clock } = breaker()
    for (let index = 0; index < 3; index += 1) failOnce(subject)
    clock.advance(10_000)
    failOnce(subject)
    expect(() => subject.enter()).toThrow(UpstreamBackoffError)
    expect(subject.retryAfterSeconds()).toBe(10)
  })

  it("honours the upstream's Retry-After when longer than the cooldown, up to maxOpenMs", () => {
    const { breaker: subject, clock } = breaker()
    failOnce(subject)
    failOnce(subject)
    failOnce(subject, 30_000)
    expect(subject.retryAfterSeconds()).toBe(30)
    clock.advance(30_000)
    failOnce(subject, 3_600_000)
    expect(subject.retryAfterSeconds()).toBe(60)
    clock.advance(60_000)
    expect(() => subject.enter()).not.toThrow()
  })

  it('does not open on one failure, however long its Retry-After', () => {
    const { breaker: subject } = breaker()
    failOnce(subject, 3_600_000)
    expect(() => subject.enter()).not.toThrow()
  })
})
