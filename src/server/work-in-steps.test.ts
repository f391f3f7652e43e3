import { describe, expect, it } from 'vitest'
import { STEP_UNITS, STEP_MS, runAtOnce, runInSteps, sortInSteps, StepCounter } from './work-in-steps'

describe('sortInSteps', () => {
  it.each([0, 1, STEP_UNITS, STEP_UNITS + 1, 7 * STEP_UNITS + 13])(
    'sorts %i items like Array.sort, never more than STEP_UNITS units between two yields',
    async (count) => {
      const items = Array.from({ length: count }, (_, index) => (index * 7919) % (count + 3))
      const steps: number[] = []
      const sorted = await runInSteps(
        sortInSteps(items, (a, b) => a - b, new StepCounter()),
        async (units) => {
          steps.push(units)
        },
      )
      expect(sorted).toEqual([...items].sort((a, b) => a - b))
      expect(Math.max(0, ...steps)).toBeLessThanOrEqual(STEP_UNITS)
    },
  )

  it('never puts a run into a step that has no room for it, however much work came before', async () => {
    const work = new StepCounter(() => 0)
    work.tick(STEP_UNITS - 1)
    const steps: number[] = []
    const items = Array.from({ length: 3 * STEP_UNITS }, (_, index) => -index)
    await runInSteps(
      sortInSteps(items, (a, b) => a - b, work),
      async (units) => void steps.push(units),
    )
    expect(Math.max(...steps)).toBeLessThanOrEqual(STEP_UNITS)
  })

  it('is stable and leaves its input as it was', () => {
    const items = Array.from({ length: 3 * STEP_UNITS }, (_, index) => ({ key: index % 3, index }))
    const copy = items.map((item) => ({ ...item }))
    const sorted = runAtOnce(sortInSteps(items, (a, b) => a.key - b.key, new StepCounter()))
    expect(sorted).toEqual([...copy].sort((a, b) => a.key - b.key))
    expect(items).toEqual(copy)
  })
})

describe('runInSteps', () => {
  it('lets the event loop run between steps and returns the result', async () => {
    let ticks = 0
    const ticker = setInterval(() => (ticks += 1), 0)
    function* slow() {
      // A clock that stands still: only units end a step, so the steps are known.
      const work = new StepCounter(() => 0)
      for (let index = 0; index < 20 * STEP_UNITS; index += 1) if (work.tick()) yield work.take()
      return 'done'
    }
    expect(await runInSteps(slow())).toBe('done')
    clearInterval(ticker)
    // A timer due during the run fired before it ended: the run did not hold the loop from start to end.
    expect(ticks).toBeGreaterThan(0)
    const pauses: number[] = []
    await runInSteps(slow(), async (units) => void pauses.push(units))
    expect(pauses).toEqual(Array.from({ length: 20 }, () => STEP_UNITS))
  })
})

describe('StepCounter', () => {
  it('ends a step at STEP_UNITS units, or once it has run STEP_MS, whichever comes first', () => {
    let now = 0
    const work = new StepCounter(() => now)
    expect(work.tick(STEP_UNITS - 1)).toBe(false)
    expect(work.room()).toBe(1)
    expect(work.tick()).toBe(true)
    expect(work.take()).toBe(STEP_UNITS)
    // A slow unit (a busy machine, a long statement): the step ends on time, with 3 units done.
    expect(work.tick(2)).toBe(false)
    now += STEP_MS
    expect(work.room()).toBe(0)
    expect(work.tick()).toBe(true)
    expect(work.take()).toBe(3)
    expect(work.room()).toBe(STEP_UNITS)
  })
})
