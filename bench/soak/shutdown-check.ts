import type { FakeControl } from '../lib/fake-control'
import { getJson } from '../lib/http'
import type { RunningProcess } from '../lib/processes'
import { connectionPool } from './client'
import { judge } from './judge'
import type { Check } from './report'
import { fitsInPath } from './request-mix'

const SHUTDOWN_REQUESTS = 20
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** SIGTERM while SHUTDOWN_REQUESTS slow requests are in flight: they must all be answered, then exit 0. */
export async function shutdownCheck(server: RunningProcess, control: FakeControl): Promise<Check> {
  // Model answers are kept for the TTL (1 s); after it these ids go to the upstream again.
  await sleep(1100)
  const page = await getJson<{ data: { id: string }[] }>(`${server.url}/api/models?sort=id&limit=${SHUTDOWN_REQUESTS}`)
  await control.latency(400)
  const pool = connectionPool(server.url, SHUTDOWN_REQUESTS)
  // The odd-ids phase may have left ids with spaces or slashes (encoded) or only dots (no path segment can say them).
  const inFlight = page.data
    .filter(({ id }) => fitsInPath(id))
    .map(async ({ id }) => judge(await pool.send(`/api/models/${encodeURIComponent(id)}`), { type: 'model', id }))
  // Time for the server to read every request even on a busy machine: one still in the socket's buffer at
  // SIGTERM is not in flight yet, and its idle-looking connection is closed like any other.
  await sleep(300)
  const signalledAt = performance.now()
  const exit = server.stop('SIGTERM')
  const verdicts = await Promise.all(inFlight)
  const { code, signal } = await exit
  const seconds = (performance.now() - signalledAt) / 1000
  pool.destroy()
  await control.latency(0)
  const failed = verdicts.filter((verdict) => verdict.problem)
  return {
    name: 'SIGTERM lets in-flight requests finish, then exits 0',
    passed: failed.length === 0 && code === 0,
    detail: `${verdicts.length - failed.length} of ${verdicts.length} requests in flight answered 200, exit code ${code ?? signal} after ${seconds.toFixed(1)} s`,
    examples: failed.map((verdict) => verdict.problem!),
  }
}
