import type { SoakSummary } from './recorder'

export interface Check {
  name: string
  passed: boolean
  detail: string
  examples?: readonly string[]
}

const ms = (value: number) => `${Math.round(value)} ms`
const percent = (share: number) => `${Math.round(share * 100)}%`
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([status, count]) => `${status === '0' ? 'no answer' : status}: ${count.toLocaleString('en-US')}`)
    .join(', ')

/** The soak's report: what was sent and seen, then each check with ✓ or ✗. */
export function soakReport({
  setup,
  summary,
  seconds,
  cpuShare,
  generatorDelayMs,
  checks,
}: {
  setup: string
  summary: SoakSummary
  seconds: number
  /** CPU time over the run's time: 1 is one core kept busy. */
  cpuShare: { server: number; soak: number }
  /** The load generator's event-loop delay: how late it got to answers that had arrived. */
  generatorDelayMs: { p99: number; max: number }
  checks: readonly Check[]
}): string {
  const lines = [
    setup,
    '',
    `Requests: ${summary.requests.toLocaleString('en-US')} in ${seconds} s (${Math.round(summary.requests / seconds).toLocaleString('en-US')}/s); ${counts(summary.statuses)}`,
    'By upstream phase:',
    ...Object.entries(summary.byPhase).map(([phase, statuses]) => `  ${phase.padEnd(18)} ${counts(statuses)}`),
    `Stale-if-error: ${summary.servedStale.toLocaleString('en-US')} list answers served from the old snapshot with refresh_error; ` +
      `${summary.upstreamErrorsPassedOn.toLocaleString('en-US')} model/health answers passed an upstream failure on; ` +
      `${summary.cursorsRejected} list requests refused a cursor (400)`,
    `CPU: the server used ${percent(cpuShare.server)} of a core, this load generator ${percent(cpuShare.soak)} (the latency includes its own queueing); its event loop ran late by p99 ${ms(generatorDelayMs.p99)}, max ${ms(generatorDelayMs.max)}`,
    `Latency: p50 ${ms(summary.latencyMs.p50)}, p99 ${ms(summary.latencyMs.p99)} (lists ${ms(summary.latencyMs.listP99)}), max ${ms(summary.latencyMs.max)}`,
    `By kind (requests; p50 / p99 / max; how many at or above the overall p99):`,
    ...summary.latencyByKind.map(
      (figures) =>
        `  ${figures.kind.padEnd(15)} ${figures.count.toLocaleString('en-US').padStart(7)}; ${ms(figures.p50)} / ${ms(figures.p99)} / ${ms(figures.max)}; ${figures.inTail} in the tail`,
    ),
    `The tail by kind and phase: ${summary.tail.map(([what, count]) => `${what}: ${count}`).join(', ')}`,
    '',
    'Checks:',
    ...checks.flatMap((check) => [
      `  ${check.passed ? '✓' : '✗'} ${check.name}: ${check.detail}`,
      ...(check.passed ? [] : (check.examples ?? []).map((example) => `      ${example}`)),
    ]),
    '',
    checks.every((check) => check.passed) ? 'SOAK PASSED' : 'SOAK FAILED',
  ]
  return lines.join('\n')
}
