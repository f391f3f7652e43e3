import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface LoopDelay {
  maxMs: number
  p99Ms: number
  totalMs: number
}

/** The event loop's delay (1 ms resolution) while `work` runs: how long a request arriving then could wait. */
export async function loopDelayDuring(work: () => Promise<unknown>): Promise<LoopDelay> {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const startedAt = performance.now()
  await work()
  const totalMs = performance.now() - startedAt
  delay.disable()
  return { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, totalMs }
}

/** The floor: the same loop, in the same process, running nothing for `ms`. */
export const idleFor = (ms: number) => loopDelayDuring(() => new Promise((resolve) => setTimeout(resolve, ms)))
