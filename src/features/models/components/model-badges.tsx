import type { Model } from '../../../contract/model'
import { describeRetirement, formatDateTimeUtc } from '../../../lib/format-time'

const DAY_MS = 86_400_000
/** A retirement this close is shown in red. */
export const RETIREMENT_WARNING_DAYS = 30

const BADGE = 'inline-flex shrink-0 items-center rounded px-1.5 py-px text-[0.6875rem] font-medium whitespace-nowrap'
const TONES = {
  new: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  deprecated: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  soon: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100',
  retired: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
} as const

/**
 * "Retires 30 Nov 2026" on a deprecated model (red within 30 days), "Retires
 * today" before the instant on its day, "Retirement overdue" after it;
 * "Retired" on a retired one. The dialog says the same (describeRetirement).
 */
export function LifecycleBadge({ model, now }: { model: Model; now: number }) {
  if (model.lifecycle === 'retired') return <span className={`${BADGE} ${TONES.retired}`}>Retired</span>
  if (model.lifecycle !== 'deprecated') return null
  const retirement = describeRetirement(model.lifecycle, model.retires_at, now)
  if (!retirement) return <span className={`${BADGE} ${TONES.deprecated}`}>Deprecated</span>
  const soon = retirement.remainingMs <= RETIREMENT_WARNING_DAYS * DAY_MS
  return (
    <span
      className={`${BADGE} ${soon ? TONES.soon : TONES.deprecated}`}
      title={`Deprecated; retires ${formatDateTimeUtc(model.retires_at!)}`}
      data-soon={soon || undefined}
      data-retirement={retirement.state}
    >
      <span className="sr-only">Deprecated, </span>
      {retirement.label}
    </span>
  )
}

/** A model that arrived in the catalogue within the last 14 days. */
export function NewBadge() {
  return (
    <span className={`${BADGE} ${TONES.new}`} title="First seen in the last 14 days">
      New
    </span>
  )
}
