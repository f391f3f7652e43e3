import { describe, expect, it } from 'vitest'
import { backoffMs } from './backoff'

const shape = { baseMs: 1_000, maxMs: 60_000 }

describe('the back-off between failed walks', () => {
  it('waits the base after the first failure, without jitter', () => {
    expect(backoffMs(1, { ...shape, random: () => 0 })).toBe(1_000)
    expect(backoffMs(1, { ...shape, random: () => 0.99 })).toBe(1_000)
  })

  it('doubles with each failure in a row, jittered between half and all of the step, never under the base', () => {
    expect(backoffMs(2, { ...shape, random: () => 0 })).toBe(1_000)
    expect(backoffMs(2, { ...shape, random: () => 1 })).toBe(2_000)
    expect(backoffMs(4, { ...shape, random: () => 0 })).toBe(4_000)
    expect(backoffMs(4, { ...shape, random: () => 1 })).toBe(8_000)
  })

  it('stops growing at the maximum, however many failures', () => {
    expect(backoffMs(50, { ...shape, random: () => 1 })).toBe(60_000)
    expect(backoffMs(1_000, { ...shape, random: () => 0 })).toBe(30_000)
  })

  it('asks for no wait before any failure', () => {
    expect(backoffMs(0, shape)).toBe(0)
  })
})
