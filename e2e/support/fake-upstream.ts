import type { Fault } from '../../src/fake-upstream/faults'
import { E2E_PORTS } from './ports'

type Stats = { listCalls: number; retrieveCalls: number }

/** A client of a fake upstream's control endpoint (`POST /__fake/control`). */
export function fakeUpstreamAt(port: number) {
  const control = `http://127.0.0.1:${port}/__fake/control`
  async function send(command: Record<string, unknown>): Promise<Stats> {
    const response = await fetch(control, { method: 'POST', body: JSON.stringify(command) })
    if (!response.ok) throw new Error(`fake upstream refused ${JSON.stringify(command)}: ${await response.text()}`)
    return ((await response.json()) as { stats: Stats }).stats
  }
  return {
    reset: () => send({ action: 'reset' }),
    fault: (fault: Fault | null, times?: number) => send({ action: 'fault', fault, times }),
    latency: (ms: number) => send({ action: 'latency', ms }),
    models: (models: Record<string, unknown>[]) => send({ action: 'models', models }),
    count: (count: number) => send({ action: 'models', count }),
    /** Serve the seed page's four fields only, or today's fields (reset() returns to these). */
    shape: (shape: 'seed' | 'current') => send({ action: 'shape', shape }),
  }
}

/** The fake upstream most e2e tests share; every test that switches it starts from `reset()`. */
export const fakeUpstream = fakeUpstreamAt(E2E_PORTS.upstream)
