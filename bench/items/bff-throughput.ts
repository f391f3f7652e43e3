import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BenchItem, goals, measure } from '../lib/bench-item'
import type { FixedResponse } from '../floors/fixed-responses-server'
import { runLoad, type LoadResult } from '../lib/load'
import { median } from '../lib/stats'
import { ROOT, startBuiltServer, startFakeUpstream, startNode } from '../lib/processes'

const PATHS = ['/api/models?limit=20', '/api/models?q=sonnet&sort=-created_at&limit=20']
const CONNECTIONS = 50
// Headers the HTTP layer writes for itself; the floor writes its own.
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'])

/** Fetches each path from the BFF once, to serve the same bytes from the floor. */
async function record(baseUrl: string): Promise<Record<string, FixedResponse>> {
  const recorded: Record<string, FixedResponse> = {}
  for (const path of PATHS) {
    const response = await fetch(`${baseUrl}${path}`)
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}, not 200`)
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !TRANSPORT_HEADERS.has(name)))
    recorded[path] = { status: response.status, headers, body: await response.text() }
  }
  return recorded
}

export const bffThroughput: BenchItem = {
  id: '5',
  title: 'BFF throughput',
  floor:
    'a bare node:http server answering the same URLs with the same status, headers and body bytes, recorded from the BFF just before; autocannon, 50 connections, floor and BFF alternating',
  async run({ ports, start, quick, log }) {
    const seconds = quick ? 2 : 5
    const rounds = quick ? 1 : 5
    const upstream = await start(() => startFakeUpstream({ port: ports.next(), models: 1000 }))
    // A TTL longer than the run: this measures the hot path, not a refresh.
    const server = await start(() =>
      startBuiltServer({ port: ports.next(), upstreamUrl: upstream.url, env: { CATALOGUE_TTL_SECONDS: '3600' } }),
    )
    const responsesDir = mkdtempSync(join(tmpdir(), 'bench-floor-'))
    const responsesFile = join(responsesDir, 'responses.json')
    writeFileSync(responsesFile, JSON.stringify(await record(server.url)))
    const floorPort = ports.next()
    const floor = await start(() =>
      startNode(
        ['--import', 'tsx', `${ROOT}bench/floors/fixed-responses-server.ts`, responsesFile, String(floorPort)],
        {
          port: floorPort,
          env: {},
        },
      ),
    )
    // The floor has read its answers by the time it listens.
    rmSync(responsesDir, { recursive: true })

    const targets = { project: server.url, floor: floor.url }
    const processes = { project: server, floor }
    const runs = { project: new Map<string, LoadResult[]>(), floor: new Map<string, LoadResult[]>() }
    // Server CPU per answer: what the load generator's limits and the machine's other work blur in req/s.
    const cpu = { project: { seconds: 0, responses: 0 }, floor: { seconds: 0, responses: 0 } }
    for (const path of PATHS) {
      for (const target of ['project', 'floor'] as const) {
        await runLoad(`${targets[target]}${path}`, { connections: CONNECTIONS, seconds: 1 }) // JIT warm-up
        runs[target].set(path, [])
      }
      for (let round = 0; round < rounds; round += 1) {
        // Alternating which goes first spreads any drift of the machine over both.
        const order = round % 2 === 0 ? (['floor', 'project'] as const) : (['project', 'floor'] as const)
        for (const target of order) {
          const cpuBefore = processes[target].cpuSeconds()
          const result = await runLoad(`${targets[target]}${path}`, { connections: CONNECTIONS, seconds })
          cpu[target].seconds += processes[target].cpuSeconds() - cpuBefore
          cpu[target].responses += result.responses
          runs[target].get(path)!.push(result)
          log(`${target} ${path}: ${Math.round(result.requestsPerSecond)} req/s, ${result.failures} failures`)
        }
      }
    }

    const rowsPerPath = PATHS.map((path) => {
      const project = runs.project.get(path)!
      const floorRuns = runs.floor.get(path)!
      const rps = (results: LoadResult[]) => median(results.map((result) => result.requestsPerSecond))
      const p99 = (results: LoadResult[]) => median(results.map((result) => result.latencyP99Ms))
      return measure({
        name: `${path.replace('/api/models', '')} (median of ${rounds} × ${seconds} s)`,
        unit: 'req/s',
        project: Math.round(rps(project)),
        floor: Math.round(rps(floorRuns)),
        goal: goals.ratioAtLeast(0.7),
        notes: `latency p99 ${p99(project)} ms (floor ${p99(floorRuns)} ms); rounds ${project.map((r) => Math.round(r.requestsPerSecond)).join(', ')} vs ${floorRuns.map((r) => Math.round(r.requestsPerSecond)).join(', ')} req/s`,
      })
    })
    const cpuPerResponse = (target: 'project' | 'floor') => (cpu[target].seconds / cpu[target].responses) * 1e6
    const failures = (target: 'project' | 'floor') =>
      [...runs[target].values()].flat().reduce((sum, result) => sum + result.failures, 0)
    return [
      ...rowsPerPath,
      measure({
        name: 'server CPU per answer, both URLs',
        unit: 'µs',
        project: cpuPerResponse('project'),
        floor: cpuPerResponse('floor'),
        notes: 'user + system time of the server process over the measured runs, divided by its 2xx answers',
      }),
      measure({
        name: 'errors and non-2xx, all runs',
        unit: '',
        project: failures('project'),
        floor: failures('floor'),
        goal: goals.zero(),
      }),
    ]
  },
}
