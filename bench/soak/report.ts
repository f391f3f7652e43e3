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
  checks,
}: {
  setup: string
  summary: SoakSummary
  seconds: number
  /** CPU time over the run's time: 1 is one core kept busy. */
  cpuShare: { server: number; soak: number }
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
    `CPU: the server used ${percent(cpuShare.server)} of a core, this load generator ${percent(cpuShare.soak)} (the latency includes its own queueing)`,
    `Latency: p50 ${ms(summary.latencyMs.p50)}, p99 ${ms(summary.latencyMs.p99)} (lists ${ms(summary.latencyMs.listP99)}), max ${ms(summary.latencyMs.max)}`,
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
