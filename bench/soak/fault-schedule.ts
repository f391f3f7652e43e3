import type { Fault } from '../../src/fake-upstream/faults'
import type { FakeControl } from '../lib/fake-control'

export interface FaultPhase {
  name: string
  fault: Fault | null
}

/** What the upstream does in turn during the soak, each for one phase. */
export const FAULT_PHASES: readonly FaultPhase[] = [
  { name: 'healthy', fault: null },
  { name: '500', fault: { kind: 'status', status: 500 } },
  { name: '529 + retry-after', fault: { kind: 'status', status: 529, retryAfterSeconds: 1 } },
  { name: 'hang', fault: { kind: 'hang' } },
  { name: 'reset', fault: { kind: 'reset' } },
  { name: 'malformed', fault: { kind: 'malformed' } },
  // Issue 9's hostile upstream: each must end within its bound, with the old catalogue served as stale.
  { name: 'drip', fault: { kind: 'drip', intervalMs: 1000 } },
  { name: '429 + retry-after 3600', fault: { kind: 'status', status: 429, retryAfterSeconds: 3600 } },
  { name: 'cursor loop', fault: { kind: 'cursor-loop' } },
  { name: 'cursor cycle', fault: { kind: 'cursor-cycle' } },
  { name: 'empty page', fault: { kind: 'empty' } },
  { name: 'redirect', fault: { kind: 'redirect', location: 'http://other-origin.invalid/v1/models' } },
  { name: '50 MB body', fault: { kind: 'huge', bytes: 50 * 1024 * 1024 } },
  { name: 'gzip bomb', fault: { kind: 'gzip-bomb', bytes: 400 * 1024 * 1024 } },
  { name: 'duplicate ids', fault: { kind: 'duplicates' } },
  { name: 'odd ids', fault: { kind: 'odd-ids' } },
  { name: 'lone surrogate', fault: { kind: 'lone-surrogate' } },
  // Stopped at WALK_MAX_MODELS (the soak's server sets it below 100k), the old catalogue served as stale.
  { name: '100k models', fault: { kind: 'many-models', count: 100_000 } },
]

/**
 * Switches the fake upstream to the next phase every `phaseMs` until `until`
 * (or `stop()`), then back to healthy. `current()` names the phase in force,
 * to file each answer under it.
 */
export function runFaultSchedule(control: FakeControl, options: { phaseMs: number; until: number }) {
  const { phaseMs } = options
  let until = options.until
  let index = 0
  let current = FAULT_PHASES[0]!
  const done = (async () => {
    // Phases start on a fixed timeline, so the time a switch takes on a busy machine shortens its phase
    // instead of pushing every later one back: a short soak still runs each phase.
    const start = performance.now()
    while (performance.now() < until) {
      current = FAULT_PHASES[index % FAULT_PHASES.length]!
      await control.fault(current.fault)
      index += 1
      const nextAt = Math.min(start + index * phaseMs, until)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextAt - performance.now())))
    }
    current = FAULT_PHASES[0]!
    await control.fault(null)
  })()
  return {
    current: () => current.name,
    done,
    phasesRun: () => index,
    /** Ends the schedule at its next switch, back to healthy. */
    stop: () => {
      until = Math.min(until, performance.now())
    },
  }
}
