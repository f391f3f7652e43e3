import { percentile } from '../lib/stats'
import type { Verdict } from './judge'
import type { RequestKind } from './request-mix'

const LIST_KINDS: ReadonlySet<RequestKind> = new Set(['page', 'next', 'previous', 'conditional', 'refresh'])
const EXAMPLES_KEPT = 8

/** Every answer of the soak, counted by kind, phase and status, with the latencies and the problems. */
export function createRecorder() {
  const latencies: number[] = []
  const listLatencies: number[] = []
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
          max: latencies.reduce((max, ms) => Math.max(max, ms), 0),
          listP99: percentile(listLatencies, 0.99),
        },
      }
    },
  }
}
export type SoakSummary = ReturnType<ReturnType<typeof createRecorder>['summary']>
