import { parseConfig } from '../../src/server/config'
import type { FakeControl } from '../lib/fake-control'
import { getJson } from '../lib/http'
import type { PortAllocator } from '../lib/ports'
import { type RunningProcess, SERVE_NODE_ARGS, startBuiltServer } from '../lib/processes'
import { distinctQueriesCheck } from './distinct-queries'
import { RSS_CEILING_BYTES } from './hostile-searches'
import type { Check } from './report'

const DEFAULTS = parseConfig({})
if (!DEFAULTS.ok) throw new Error(DEFAULTS.message)
/** The most models a walk takes with the default settings. */
const LARGEST = DEFAULTS.config.limits.walkMaxModels
const STAGE_TIMEOUT_MS = 90_000
const CONCURRENCY = 8
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Health {
  catalogue: { count: number; refresh_error: string | null }
}

/**
 * A server with the settings an operator gets (`npm run serve`'s heap
 * ceiling, the default walk ceilings), walked every second, while its
 * upstream's catalogue grows to the largest one those ceilings accept, then to
 * one model more, then back: the history records every change both ways, and
 * distinct searches go on over whichever catalogue is served. Its peak RSS
 * must stay under the README's ceiling: a larger catalogue is refused by the
 * walk's ceilings, never let through to outgrow it.
 */
export async function largestCatalogueCheck(
  ports: PortAllocator,
  upstream: { url: string; control: FakeControl },
  { exitOnStop }: { exitOnStop: (server: RunningProcess) => void },
): Promise<Check> {
  await upstream.control.latency(0)
  const server = await startBuiltServer({
    port: ports.next(),
    upstreamUrl: upstream.url,
    env: { CATALOGUE_TTL_SECONDS: '1' },
    nodeArgs: SERVE_NODE_ARGS,
  })
  exitOnStop(server)
  const health = () => getJson<Health>(`${server.url}/api/health`)
  const reached: string[] = []
  /** Asks the health until `done` says yes of it, and gives that answer. */
  async function until(what: string, done: (state: Health) => boolean): Promise<Health> {
    const deadline = performance.now() + STAGE_TIMEOUT_MS
    for (let state = await health(); ; state = await health()) {
      if (done(state)) {
        reached.push(what)
        return state
      }
      if (performance.now() > deadline) throw new Error(`not reached within ${STAGE_TIMEOUT_MS / 1000} s: ${what}`)
      await sleep(200)
    }
  }
  try {
    const usual = (await until('a first catalogue', (state) => state.catalogue.count > 0)).catalogue.count
    let stagesOver = false
    const stages = (async () => {
      await upstream.control.fault({ kind: 'many-models', count: LARGEST })
      await until(`${LARGEST} models served`, (state) => state.catalogue.count === LARGEST)
      await upstream.control.fault({ kind: 'many-models', count: LARGEST + 1 })
      await until(`${LARGEST + 1} models refused`, (state) =>
        Boolean(state.catalogue.refresh_error?.includes('WALK_MAX_MODELS')),
      )
      await upstream.control.fault(null)
      await until(`back to ${usual} models`, (state) => state.catalogue.count === usual)
      // A read of the history waits for the writes in progress: the removals are then written.
      await getJson(`${server.url}/api/changes?limit=1`)
    })()
      .then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      .finally(() => (stagesOver = true))
    const [searches, failed] = await Promise.all([
      distinctQueriesCheck(server, {
        queries: 0,
        concurrency: CONCURRENCY,
        ceilingBytes: RSS_CEILING_BYTES,
        until: () => stagesOver,
        what: ` while the catalogue grows to the default WALK_MAX_MODELS (${LARGEST.toLocaleString('en-US')} models) and back`,
      }),
      stages,
    ])
    return {
      name: `${searches.name} (${SERVE_NODE_ARGS.join(' ')}, default walk ceilings)`,
      passed: searches.passed && failed === null,
      detail: `${searches.detail}; stages: ${reached.join(' → ')}${failed ? `; failed: ${failed}` : ''}`,
      ...(searches.examples ? { examples: searches.examples } : {}),
    }
  } finally {
    await upstream.control.fault(null)
    await server.stop('SIGKILL')
  }
}
