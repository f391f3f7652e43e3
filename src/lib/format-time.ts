// The dashboard's one date language. Every date on screen comes from here:
// absolute dates read "30 Nov 2026" (always with the year), times say UTC, and
// relative phrases ("yesterday", "in 3 weeks") come from formatRelative alone.
// Dates are the calendar date in UTC, so a date never moves a day with the
// reader's time zone; the format is fixed, not the reader's locale, so every
// view reads the same way.

const DAY_MS = 86_400_000

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/** "30 Nov 2026": the calendar date in UTC. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** "30 Nov 2026, 20:00 UTC": an instant, e.g. for a title or when a snapshot was taken. */
export function formatDateTimeUtc(iso: string): string {
  const date = new Date(iso)
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`
}

/** Whole UTC calendar days from the day of `now` to the day of `iso`: 0 on the same date. */
function calendarDaysBetween(now: number, iso: string): number {
  return Math.floor(Date.parse(iso) / DAY_MS) - Math.floor(now / DAY_MS)
}

/**
 * The one relative phrase for a date, by UTC calendar days: "today",
 * "yesterday", "in 20 days". `auto` grows coarse with distance ("3 weeks ago",
 * "next month", "2 years ago"); `day` keeps counting days, for deadlines.
 */
export function formatRelative(iso: string, now: number, unit: 'auto' | 'day' = 'auto'): string {
  const days = calendarDaysBetween(now, iso)
  const size = Math.abs(days)
  if (unit === 'day' || size < 7) return relative.format(days, 'day')
  if (size < 30) return relative.format(Math.round(days / 7), 'week')
  if (size < 365) return relative.format(Math.round(days / 30.44), 'month')
  return relative.format(Math.round(days / 365.25), 'year')
}

/** "12 s", "3 min", "2 h", "4 d": the age of something, short. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`
  return `${Math.floor(seconds / 86_400)} d`
}

export type RetirementState = 'upcoming' | 'today' | 'overdue' | 'retired'

export interface Retirement {
  state: RetirementState
  /** The short form, for a badge: "Retires 30 Nov 2026", "Retires today", "Retirement overdue", "Retired". */
  label: string
  /** The long form, after the date: "in 20 days", "Retires today", "Retirement overdue: it was due 5 days ago". */
  sentence: string
  /** Milliseconds from now to the retirement instant (negative once it has passed). */
  remainingMs: number
}

/**
 * Where a deprecated or retired model stands against its retirement instant,
 * the same in the badge and the dialog. The comparison is between instants: on
 * the retirement day a deprecated model "Retires today" until the instant and
 * is overdue after it. Null when there is no valid date, or the model is
 * neither deprecated nor retired.
 */
export function describeRetirement(lifecycle: unknown, retiresAt: unknown, now: number): Retirement | null {
  if (lifecycle !== 'deprecated' && lifecycle !== 'retired') return null
  if (typeof retiresAt !== 'string' || Number.isNaN(Date.parse(retiresAt))) return null
  const remainingMs = Date.parse(retiresAt) - now
  const when = formatRelative(retiresAt, now, 'day')
  if (lifecycle === 'retired') return { state: 'retired', label: 'Retired', sentence: `Retired ${when}`, remainingMs }
  if (remainingMs <= 0) {
    return {
      state: 'overdue',
      label: 'Retirement overdue',
      sentence: `Retirement overdue: it was due ${when}`,
      remainingMs,
    }
  }
  if (calendarDaysBetween(now, retiresAt) === 0) {
    return { state: 'today', label: 'Retires today', sentence: 'Retires today', remainingMs }
  }
  return { state: 'upcoming', label: `Retires ${formatDate(retiresAt)}`, sentence: when, remainingMs }
}
