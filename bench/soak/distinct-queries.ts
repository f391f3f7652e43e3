import type { RunningProcess } from '../lib/processes'
import { connectionPool } from './client'
import type { Check } from './report'

// Every synthetic id starts "synthetic-": a search made of these letters matches (nearly) the whole catalogue.
const LETTERS = ['s', 'y', 'n', 't', 'h', 'e', 'i', 'c']

/** The index-th distinct search: its base-8 digits as one-letter terms, so each is a new key over a full-size view. */
export function distinctQuery(index: number): string {
  const terms: string[] = []
  let rest = index
  do {
    terms.push(LETTERS[rest % LETTERS.length]!)
    rest = Math.floor(rest / LETTERS.length)
  } while (rest > 0)
  return terms.join(' ')
}

/**
 * `queries` visitors each asking for a search nobody asked before, `concurrency`
 * at a time, over a large catalogue: every one makes a view of the whole
 * catalogue and a page. The check is the server's peak RSS against `ceilingBytes`.
 */
export async function distinctQueriesCheck(
  server: RunningProcess,
  {
    queries,
    concurrency,
    ceilingBytes,
    until = () => true,
    what = '',
  }: {
    queries: number
    concurrency: number
    ceilingBytes: number
    /** Searches go on past `queries` until this says enough (e.g. a fault schedule's full turn). */
    until?: () => boolean
    /** Said after the count in the check's name. */
    what?: string
  },
): Promise<Check> {
  const before = server.rssBytes()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssBytes())), 50)
  let next = 0
  const failures: string[] = []
  const startedAt = performance.now()
  // Keep-alive sockets and plain http, not fetch: the load generator shares the cores with the server, and
  // fetch's own cost per request made it, not the server, the bottleneck.
  const pool = connectionPool(server.url, concurrency)
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < queries || !until()) {
        const q = distinctQuery(next++)
        const answer = await pool.send(`/api/models?limit=20&q=${encodeURIComponent(q)}`)
        if (answer.status !== 200) failures.push(`q=${q}: ${answer.status} ${answer.body.slice(0, 120)}`)
      }
    }),
  )
  pool.destroy()
  clearInterval(sampler)
  peak = Math.max(peak, server.rssBytes())
  const seconds = (performance.now() - startedAt) / 1000
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
  return {
    name: `RSS stays under ${mb(ceilingBytes)} against ${next.toLocaleString('en-US')} distinct searches${what}`,
    passed: peak < ceilingBytes && failures.length === 0,
    detail: `RSS ${mb(before)} before, peak ${mb(peak)}; ${failures.length} not 200; ${seconds.toFixed(0)} s, ${(next / seconds).toFixed(0)} searches/s`,
    examples: failures.slice(0, 10),
  }
}
