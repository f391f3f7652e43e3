import type { Fault } from '../../src/fake-upstream/faults'

export interface FakeStats {
  listCalls: number
  retrieveCalls: number
}

/** Switches a fake upstream started on its own port (`POST /__fake/control`). */
export function fakeControl(upstreamUrl: string) {
  async function send(command: Record<string, unknown>): Promise<FakeStats> {
    const response = await fetch(`${upstreamUrl}/__fake/control`, { method: 'POST', body: JSON.stringify(command) })
    if (!response.ok) throw new Error(`The fake upstream refused ${JSON.stringify(command)}: ${await response.text()}`)
    return ((await response.json()) as { stats: FakeStats }).stats
  }
  return {
    /** The counters so far. Every command answers with them; the benchmarks never change the shape, so this one is a no-op. */
    stats: () => send({ action: 'shape', shape: 'current' }),
    fault: (fault: Fault | null) => send({ action: 'fault', fault }),
    latency: (ms: number) => send({ action: 'latency', ms }),
    reset: () => send({ action: 'reset' }),
  }
}
export type FakeControl = ReturnType<typeof fakeControl>
