import { parseArgs } from 'node:util'
import { portAllocator } from './lib/ports'
import { startBuiltServer, startFakeUpstream } from './lib/processes'
import { getJson } from './lib/http'
import { distinctQueriesCheck } from './soak/distinct-queries'
import { RSS_CEILING_BYTES } from './soak/hostile-searches'

// `npm run soak:queries`: 50k distinct visitor searches over a catalogue of 20k models; the server's RSS
// must stay under the ceiling the README documents. `--queries` and `--models` make a shorter run.
const { values: args } = parseArgs({
  options: { queries: { type: 'string', default: '50000' }, models: { type: 'string', default: '20000' } },
})
const QUERIES = Number(args.queries)
const MODELS = Number(args.models)
const CONCURRENCY = 32

const ports = portAllocator('soak')
const upstream = await startFakeUpstream({ port: ports.next(), models: MODELS })
const server = await startBuiltServer({
  port: ports.next(),
  upstreamUrl: upstream.url,
  // One walk for the whole run: the searches, not refreshes, are what is measured.
  env: { CATALOGUE_TTL_SECONDS: '86400', UPSTREAM_TIMEOUT_MS: '60000' },
})
try {
  const deadline = performance.now() + 120_000
  while ((await getJson<{ catalogue: { count: number } }>(`${server.url}/api/health`)).catalogue.count < MODELS) {
    if (performance.now() > deadline) throw new Error(`The server had not loaded ${MODELS} models after 120 s`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const check = await distinctQueriesCheck(server, {
    queries: QUERIES,
    concurrency: CONCURRENCY,
    ceilingBytes: RSS_CEILING_BYTES,
  })
  console.log(`${check.passed ? '✓' : '✗'} ${check.name}: ${check.detail}`)
  for (const example of check.examples ?? []) console.log(`  ${example}`)
  process.exitCode = check.passed ? 0 : 1
} finally {
  await server.stop('SIGKILL')
  await upstream.stop()
}
