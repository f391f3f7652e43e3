import type { FakeControl } from '../lib/fake-control'
import { getJson } from '../lib/http'
import type { PortAllocator } from '../lib/ports'
import { type RunningProcess, SERVE_NODE_ARGS, startBuiltServer } from '../lib/processes'
import { distinctQueriesCheck } from './distinct-queries'
import { FAULT_PHASES, runFaultSchedule } from './fault-schedule'
import type { Check } from './report'

/** The ceiling the README documents for the server's RSS, whatever visitors and the upstream do. */
export const RSS_CEILING_BYTES = 512 * 2 ** 20
const CONCURRENCY = 32
const PHASE_MS = 400

/**
 * A server with the memory settings an operator gets (`npm run serve`'s heap
 * ceiling, the default cache budget and ceilings), taking `queries` distinct searches while
 * the upstream goes through every hostile phase at least once, walked each
 * second. Its peak RSS must stay under the README's ceiling.
 */
export async function hostileSearchesCheck(
  ports: PortAllocator,
  upstream: { url: string; control: FakeControl },
  { queries, exitOnStop }: { queries: number; exitOnStop: (server: RunningProcess) => void },
): Promise<Check> {
  const server = await startBuiltServer({
    port: ports.next(),
    upstreamUrl: upstream.url,
    env: {
      CATALOGUE_TTL_SECONDS: '1',
      UPSTREAM_TIMEOUT_MS: '500',
      UPSTREAM_MAX_RETRIES: '0',
      BREAKER_COOLDOWN_SECONDS: '1',
      BREAKER_MAX_OPEN_SECONDS: '2',
    },
    nodeArgs: SERVE_NODE_ARGS,
  })
  exitOnStop(server)
  try {
    const deadline = performance.now() + 30_000
    while ((await getJson<{ catalogue: { count: number } }>(`${server.url}/api/health`)).catalogue.count === 0) {
      if (performance.now() > deadline) throw new Error('The searches server had no catalogue after 30 s')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const schedule = runFaultSchedule(upstream.control, { phaseMs: PHASE_MS, until: Infinity })
    const check = await distinctQueriesCheck(server, {
      queries,
      concurrency: CONCURRENCY,
      ceilingBytes: RSS_CEILING_BYTES,
      until: () => schedule.phasesRun() > FAULT_PHASES.length,
      what: ` while the upstream goes through all ${FAULT_PHASES.length} phases`,
    })
    schedule.stop()
    await schedule.done
    return check
  } finally {
    await server.stop('SIGKILL')
  }
}
