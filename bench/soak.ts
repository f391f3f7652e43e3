import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { fakeControl } from './lib/fake-control'
import { getJson } from './lib/http'
import { portAllocator } from './lib/ports'
import { type RunningProcess, startBuiltServer, startFakeUpstream } from './lib/processes'
import { connectionPool } from './soak/client'
import { FAULT_PHASES, runFaultSchedule } from './soak/fault-schedule'
import { hostileSearchesCheck, RSS_CEILING_BYTES } from './soak/hostile-searches'
import { largestCatalogueCheck } from './soak/largest-catalogue'
import { createRecorder } from './soak/recorder'
import { type Check, soakReport } from './soak/report'
import { shutdownCheck } from './soak/shutdown-check'
import { runUsers } from './soak/users'

// `npm run soak` (30 s) or `npm run soak -- --short` (15 s, for CI); SOAK_SECONDS or --seconds sets any length.
const { values: args } = parseArgs({
  options: { short: { type: 'boolean', default: false }, seconds: { type: 'string' }, searches: { type: 'string' } },
})
const SECONDS = Number(args.seconds ?? process.env.SOAK_SECONDS ?? (args.short ? 15 : 30))
if (!(SECONDS > 0 && SECONDS <= 600)) throw new Error('The soak lasts 1–600 s')
// Distinct searches sent to a second server while the upstream goes through every phase (see hostile-searches.ts);
// `npm run soak:queries` sends 50,000 over a catalogue of 20,000 models.
const SEARCHES = Number(args.searches ?? 50_000)
const CONNECTIONS = 200
const CATALOGUE = 2000
// Every fault phase runs at least once, however short the soak (one phase's time spare for switching them).
const PHASE_MS = Math.min(2500, Math.floor((SECONDS * 1000) / (FAULT_PHASES.length + 1)))
const WARM_UP_MS = 2000
const RSS_GROWTH_LIMIT = 50 * 2 ** 20
const P99_LIMIT_MS = 1000
// A short TTL so refreshes keep happening; one upstream attempt of at most 500 ms and no SDK retries, so an
// answer that depends on a failing upstream still comes within the 1 s the latency check allows.
const SERVER_ENV = {
  CATALOGUE_TTL_SECONDS: '1',
  UPSTREAM_TIMEOUT_MS: '500',
  UPSTREAM_MAX_RETRIES: '0',
  // A page of the soak's catalogue is under 1 MB; the ceiling stops the 50 MB body and the gzip bomb well inside the heap limit.
  UPSTREAM_MAX_PAGE_BYTES: String(4 * 1024 * 1024),
  // Phases last seconds: a breaker held open for minutes (retry-after 3600) would hide every phase after it.
  BREAKER_COOLDOWN_SECONDS: '1',
  BREAKER_MAX_OPEN_SECONDS: '2',
  // The 100k-models phase ends at this ceiling, well inside the heap limit below.
  WALK_MAX_MODELS: '10000',
}
// A heap limit, as a container's memory limit sets one. Without it V8 sizes the heap by the machine: under
// this allocation rate it commits ~175 MB, although each full GC leaves ~33 MB live (--trace-gc), and RSS
// then says more about V8's sizing than about leaks. With it, a leak on the heap ends in an out-of-memory
// exit (a failed check), and the RSS check watches what lies outside the heap.
const SERVER_NODE_ARGS = ['--max-old-space-size=96']
// The server logs JSON lines on stdout: warnings (failed refreshes, 5xx answers while the upstream fails)
// are expected, an `error` line is not. Anything else, on stderr or not JSON, must not look like an error.
const LOOKS_LIKE_AN_ERROR = /error|exception|unhandled|uncaught|^\s+at /i

function isUnexpectedOutput({ stream, text }: { stream: 'stdout' | 'stderr'; text: string }): boolean {
  if (stream === 'stderr') return true
  try {
    const { level } = JSON.parse(text) as { level?: unknown }
    return level === 'error' || level === 'fatal'
  } catch {
    return LOOKS_LIKE_AN_ERROR.test(text)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitForSnapshot(baseUrl: string): Promise<void> {
  const deadline = performance.now() + 30_000
  while ((await getJson<{ catalogue: { count: number } }>(`${baseUrl}/api/health`)).catalogue.count === 0) {
    if (performance.now() > deadline) throw new Error('The server had no catalogue after 30 s')
    await sleep(100)
  }
}

/** However the soak ends, even by an exception, no process of it is left on its port. */
function stopOnExit(child: RunningProcess): void {
  process.on('exit', () => {
    try {
      process.kill(child.pid, 'SIGKILL')
    } catch {
      // It has ended already.
    }
  })
}

async function main(): Promise<boolean> {
  const ports = portAllocator('soak')
  const upstream = await startFakeUpstream({ port: ports.next(), models: CATALOGUE })
  stopOnExit(upstream)
  const control = fakeControl(upstream.url)
  const server = await startBuiltServer({
    port: ports.next(),
    upstreamUrl: upstream.url,
    env: SERVER_ENV,
    nodeArgs: SERVER_NODE_ARGS,
  })
  stopOnExit(server)
  let stopping = false
  let exitedEarly: string | null = null
  void server.exited.then(({ code, signal }) => {
    if (!stopping) exitedEarly = `the server exited (${code ?? signal}) during the run`
  })
  try {
    const setup =
      `Soak: ${SECONDS} s of ${CONNECTIONS} connections against the built server (${server.url}, ` +
      `TTL ${SERVER_ENV.CATALOGUE_TTL_SECONDS} s, upstream timeout ${SERVER_ENV.UPSTREAM_TIMEOUT_MS} ms, no SDK retries, ` +
      `${SERVER_NODE_ARGS.join(' ')}) ` +
      `over the fake upstream with ${CATALOGUE} models, switching every ${PHASE_MS / 1000} s: ${FAULT_PHASES.map((phase) => phase.name).join(' → ')}`
    console.error(`${setup}\n`)
    await waitForSnapshot(server.url)
    const pool = connectionPool(server.url, CONNECTIONS)

    const warmUp = createRecorder()
    await runUsers(pool, warmUp, {
      connections: CONNECTIONS,
      until: performance.now() + WARM_UP_MS,
      phase: () => 'warm-up',
      seed: 1,
    })
    const rssAfterWarmUp = server.rssBytes()

    const recorder = createRecorder()
    // How late this process's own callbacks run: an answer read late by a busy load generator counts as slow.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
    const cpuAtStart = { server: server.cpuSeconds(), soak: process.cpuUsage() }
    const until = performance.now() + SECONDS * 1000
    const schedule = runFaultSchedule(control, { phaseMs: PHASE_MS, until })
    const rssTimeline: number[] = []
    let peakRss = rssAfterWarmUp
    const sampler = setInterval(() => rssTimeline.push(server.rssBytes()), PHASE_MS)
    const peakSampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssBytes())), 50)
    await Promise.all([
      runUsers(pool, recorder, { connections: CONNECTIONS, until, phase: schedule.current, seed: 2 }),
      schedule.done,
    ])
    clearInterval(sampler)
    clearInterval(peakSampler)
    loopDelay.disable()
    const soakCpu = process.cpuUsage(cpuAtStart.soak)
    const cpuShare = {
      server: (server.cpuSeconds() - cpuAtStart.server) / SECONDS,
      soak: (soakCpu.user + soakCpu.system) / 1e6 / SECONDS,
    }
    pool.destroy()
    await sleep(1000)
    const rssAfterRun = server.rssBytes()

    stopping = true
    const shutdown = await shutdownCheck(server, control)
    const searches = await hostileSearchesCheck(
      ports,
      { url: upstream.url, control },
      { queries: SEARCHES, exitOnStop: stopOnExit },
    )
    const largest = await largestCatalogueCheck(ports, { url: upstream.url, control }, { exitOnStop: stopOnExit })
    const summary = recorder.summary()
    const warmUpSummary = warmUp.summary()
    const unexpectedOutput = server.output.filter(isUnexpectedOutput).map((line) => `${line.stream}: ${line.text}`)
    const growth = rssAfterRun - rssAfterWarmUp
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
    const invalidCount = summary.invalid.count + warmUpSummary.invalid.count
    const checks: Check[] = [
      {
        name: 'the server never exited and logged no error',
        passed: exitedEarly === null && unexpectedOutput.length === 0,
        detail: exitedEarly ?? `${unexpectedOutput.length} lines of output that were errors or not the log's JSON`,
        examples: unexpectedOutput.slice(0, 10),
      },
      {
        name: 'every answer is valid data or a well-formed error with the mapped status',
        passed: invalidCount === 0,
        detail: `${invalidCount} of ${(summary.requests + warmUpSummary.requests).toLocaleString('en-US')} answers were not`,
        examples: [...warmUpSummary.invalid.examples, ...summary.invalid.examples],
      },
      {
        name: 'no list request failed because of the upstream once the snapshot existed',
        passed: summary.listUpstreamFailures.count + warmUpSummary.listUpstreamFailures.count === 0,
        detail: `${summary.listUpstreamFailures.count + warmUpSummary.listUpstreamFailures.count} did`,
        examples: summary.listUpstreamFailures.examples,
      },
      {
        name: 'the faults reached the server',
        passed: schedule.phasesRun() >= FAULT_PHASES.length && summary.upstreamErrorsPassedOn > 0,
        detail: `${schedule.phasesRun()} phases; ${summary.upstreamErrorsPassedOn} upstream failures passed on, ${summary.servedStale} stale pages served`,
      },
      {
        name: `latency p99 under ${P99_LIMIT_MS} ms`,
        passed: summary.latencyMs.p99 < P99_LIMIT_MS,
        detail: `p99 ${Math.round(summary.latencyMs.p99)} ms`,
      },
      {
        name: `RSS after the run within ${mb(RSS_GROWTH_LIMIT)} of RSS after warm-up`,
        passed: growth <= RSS_GROWTH_LIMIT,
        detail: `${mb(rssAfterWarmUp)} → ${mb(rssAfterRun)} (${growth >= 0 ? '+' : ''}${mb(growth)}); every ${PHASE_MS / 1000} s: ${rssTimeline.map((bytes) => (bytes / 2 ** 20).toFixed(0)).join(', ')} MB`,
      },
      {
        name: `peak RSS during the run under ${mb(RSS_CEILING_BYTES)}`,
        passed: peakRss < RSS_CEILING_BYTES,
        detail: `peak ${mb(peakRss)}, sampled every 50 ms`,
      },
      shutdown,
      searches,
      largest,
    ]
    const generatorDelayMs = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 }
    console.log(soakReport({ setup, summary, seconds: SECONDS, cpuShare, generatorDelayMs, checks }))
    return checks.every((check) => check.passed)
  } finally {
    stopping = true
    await server.stop('SIGKILL')
    await upstream.stop()
  }
}

process.exitCode = (await main()) ? 0 : 1
