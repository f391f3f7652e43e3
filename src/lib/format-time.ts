// Dates and ages as people read them. Release dates are calendar dates: they
// are shown in UTC, so a date never moves a day with the reader's time zone.

const releaseDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })
const exactTimestamp = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'long',
  timeStyle: 'long',
  timeZone: 'UTC',
})
const clockTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

const DAY_MS = 86_400_000

/** "Oct 1, 2025" in the reader's locale, for the date in UTC. */
export function formatReleaseDate(iso: string): string {
  return releaseDate.format(new Date(iso))
}

/** The exact instant, in UTC, e.g. for a title. */
export function formatExactUtc(iso: string): string {
  return exactTimestamp.format(new Date(iso))
}

/** A time of day on the reader's clock, e.g. when a snapshot was taken. */
export function formatClockTime(iso: string): string {
  return clockTime.format(new Date(iso))
}

/** "3 months ago", "yesterday", "in 2 weeks": coarse, for a calendar date. */
export function formatRelativeDate(iso: string, now: number): string {
  const days = Math.round((Date.parse(iso) - now) / DAY_MS)
  const size = Math.abs(days)
  if (size < 7) return relative.format(days, 'day')
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

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "30 Nov 2026": a retirement date in a badge, in UTC. */
export function formatDayMonthYear(iso: string): string {
  return dayMonthYear.format(new Date(iso))
}
