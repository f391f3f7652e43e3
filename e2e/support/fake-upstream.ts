import type { Fault } from '../../src/fake-upstream/faults'
import { E2E_PORTS } from './ports'

const control = `http://127.0.0.1:${E2E_PORTS.upstream}/__fake/control`

async function send(command: Record<string, unknown>): Promise<{ listCalls: number; retrieveCalls: number }> {
  const response = await fetch(control, { method: 'POST', body: JSON.stringify(command) })
  if (!response.ok) throw new Error(`fake upstream refused ${JSON.stringify(command)}: ${await response.text()}`)
  return ((await response.json()) as { stats: { listCalls: number; retrieveCalls: number } }).stats
}

/** Switches the e2e fake upstream; every e2e test starts from `reset()`. */
export const fakeUpstream = {
  reset: () => send({ action: 'reset' }),
  fault: (fault: Fault | null, times?: number) => send({ action: 'fault', fault, times }),
  latency: (ms: number) => send({ action: 'latency', ms }),
  models: (models: Record<string, unknown>[]) => send({ action: 'models', models }),
  count: (count: number) => send({ action: 'models', count }),
}
