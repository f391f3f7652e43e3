import { percentile } from '../lib/stats'
import type { Verdict } from './judge'
import type { RequestKind } from './request-mix'

const LIST_KINDS: ReadonlySet<RequestKind> = new Set(['page', 'next', 'previous', 'conditional', 'refresh'])
const EXAMPLES_KEPT = 8

interface Sample {
  kind: RequestKind
  /** The upstream's phase when the request was sent. */
  phase: string
  ms: number
}

/** Every answer of the soak, counted by kind, phase and status, with the latencies and the problems. */
export function createRecorder() {
  const latencies: number[] = []
  const listLatencies: number[] = []
  const samples: Sample[] = []
  const statuses = new Map<string, number>()
  const byPhase = new Map<string, Map<string, number>>()
  const invalid: string[] = []
  const listUpstreamFailures: string[] = []
  let invalidCount = 0
  let listUpstreamFailureCount = 0
  let servedStale = 0
  let upstreamErrorsPassedOn = 0
  let cursorsRejected = 0

  const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)

  return {
    record(kind: RequestKind, path: string, phase: string, status: number, ms: number, verdict: Verdict): void {
      latencies.push(ms)
      samples.push({ kind, phase, ms })
      bump(statuses, String(status))
      if (!byPhase.has(phase)) byPhase.set(phase, new Map())
      bump(byPhase.get(phase)!, String(status))
      const what = `${kind} ${path.slice(0, 100)} in phase "${phase}": ${status}`
      if (verdict.problem) {
        invalidCount += 1
        if (invalid.length < EXAMPLES_KEPT) invalid.push(`${what}, ${verdict.problem}`)
      }
      if (verdict.servedStale) servedStale += 1
      if (LIST_KINDS.has(kind)) {
        listLatencies.push(ms)
        if (status === 400) cursorsRejected += 1
        if (verdict.upstreamFailure) {
          listUpstreamFailureCount += 1
          if (listUpstreamFailures.length < EXAMPLES_KEPT) listUpstreamFailures.push(what)
        }
      } else if (verdict.upstreamFailure && !verdict.problem) {
        upstreamErrorsPassedOn += 1
      }
    },

    summary() {
      return {
        requests: latencies.length,
        statuses: Object.fromEntries([...statuses].sort()),
        byPhase: Object.fromEntries([...byPhase].map(([phase, counts]) => [phase, Object.fromEntries(counts)])),
        invalid: { count: invalidCount, examples: invalid },
        listUpstreamFailures: { count: listUpstreamFailureCount, examples: listUpstreamFailures },
        servedStale,
        upstreamErrorsPassedOn,
        cursorsRejected,
        latencyMs: {
          p50: percentile(latencies, 0.5),
          p99: percentile(latencies, 0.99),
          max: maxOf(latencies),
          listP99: percentile(listLatencies, 0.99),
        },
        ...whereTheTailIs(samples, percentile(latencies, 0.99)),
      }
    },
  }
}
const maxOf = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, value), 0)

/**
 * Which requests make the tail: per kind, how many, p50, p99, max and how many
 * at or above the overall p99; and those, counted by kind and upstream phase.
 */
function whereTheTailIs(samples: readonly Sample[], overallP99: number) {
  const byKind = new Map<RequestKind, number[]>()
  const tail = new Map<string, number>()
  for (const { kind, phase, ms } of samples) {
    if (!byKind.has(kind)) byKind.set(kind, [])
    byKind.get(kind)!.push(ms)
    if (ms >= overallP99) tail.set(`${kind} in ${phase}`, (tail.get(`${kind} in ${phase}`) ?? 0) + 1)
  }
  const latencyByKind = [...byKind].map(([kind, values]) => ({
    kind,
    count: values.length,
    p50: percentile(values, 0.5),
    p99: percentile(values, 0.99),
    max: maxOf(values),
    inTail: values.filter((ms) => ms >= overallP99).length,
  }))
  return {
    latencyByKind: latencyByKind.sort((a, b) => b.p99 - a.p99),
    tail: [...tail].sort((a, b) => b[1] - a[1]),
  }
}

export type SoakSummary = ReturnType<ReturnType<typeof createRecorder>['summary']>
