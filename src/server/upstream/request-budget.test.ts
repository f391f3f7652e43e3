import { describe, expect, it } from 'vitest'
import { createFakeClock } from '../../testing/test-app'
import { createRequestBudget } from './request-budget'
import { UpstreamBackoffError } from './upstream-errors'

const ok = () => Promise.resolve('ok')

describe('the request budget', () => {
  it('allows a burst of `concurrency` calls, then one per 60/perMinute seconds', async () => {
    const clock = createFakeClock()
    const budget = createRequestBudget({ concurrency: 4, perMinute: 60, now: clock.now })
    for (let index = 0; index < 4; index += 1) await expect(budget.run(ok)).resolves.toBe('ok')
    await expect(budget.run(ok)).rejects.toBeInstanceOf(UpstreamBackoffError)
    clock.advance(999)
    await expect(budget.run(ok)).rejects.toMatchObject({ retryAfterSeconds: 1 })
    clock.advance(1)
    await expect(budget.run(ok)).resolves.toBe('ok')
  })

  it('spends at most perMinute calls in a minute, however many are asked', async () => {
    const clock = createFakeClock()
    const budget = createRequestBudget({ concurrency: 4, perMinute: 60, now: clock.now })
    let calls = 0
    const counted = () => {
      calls += 1
      return ok()
    }
    for (let second = 0; second < 60; second += 1) {
      for (let ask = 0; ask < 100; ask += 1) await budget.run(counted).catch(() => {})
      clock.advance(1000)
    }
    // The burst of 4, then one per second.
    expect(calls).toBeLessThanOrEqual(4 + 60)
  })

  it('refuses a call beyond `concurrency` at once, and frees the slot when a call ends, failed or not', async () => {
    const clock = createFakeClock()
    const budget = createRequestBudget({ concurrency: 1, perMinute: 6000, now: clock.now })
    let release: () => void = () => {}
    const slow = budget.run(() => new Promise<void>((resolve) => (release = resolve)))
    clock.advance(1000)
    await expect(budget.run(ok)).rejects.toBeInstanceOf(UpstreamBackoffError)
    release()
    await slow
    await expect(budget.run(() => Promise.reject(new Error('upstream')))).rejects.toThrow('upstream')
    clock.advance(1000)
    await expect(budget.run(ok)).resolves.toBe('ok')
  })
})
