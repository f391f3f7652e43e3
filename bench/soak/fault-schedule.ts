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
]

/**
 * Switches the fake upstream to the next phase every `phaseMs` until `until`,
 * then back to healthy. `current()` names the phase in force, to file each
 * answer under it.
 */
export function runFaultSchedule(control: FakeControl, { phaseMs, until }: { phaseMs: number; until: number }) {
  let index = 0
  let current = FAULT_PHASES[0]!
  const done = (async () => {
    while (performance.now() < until) {
      current = FAULT_PHASES[index % FAULT_PHASES.length]!
      await control.fault(current.fault)
      index += 1
      await new Promise((resolve) => setTimeout(resolve, Math.min(phaseMs, Math.max(0, until - performance.now()))))
    }
    current = FAULT_PHASES[0]!
    await control.fault(null)
  })()
  return { current: () => current.name, done, phasesRun: () => index }
}
