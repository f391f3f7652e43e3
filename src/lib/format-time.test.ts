import { describe, expect, test } from 'vitest'
import { formatAge, formatRelativeDate, formatReleaseDate } from './format-time'

describe('dates', () => {
  test('a release date is the calendar date in UTC, whatever the time zone', () => {
    // Midnight UTC is still the previous evening west of Greenwich: the date must not move.
    expect(formatReleaseDate('2025-10-01T00:00:00Z')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2025, 9, 1)),
    )
    expect(formatReleaseDate('2025-10-01T00:00:00Z')).toMatch(/1/)
  })

  test('relative dates are coarse', () => {
    const now = Date.UTC(2026, 0, 15)
    expect(formatRelativeDate('2026-01-14T00:00:00Z', now)).toBe('yesterday')
    expect(formatRelativeDate('2025-10-15T00:00:00Z', now)).toBe('3 months ago')
    expect(formatRelativeDate('2024-01-15T00:00:00Z', now)).toBe('2 years ago')
    expect(formatRelativeDate('2026-02-15T00:00:00Z', now)).toBe('next month')
  })

  test('ages are short', () => {
    expect(formatAge(12_400)).toBe('12 s')
    expect(formatAge(-3_000)).toBe('0 s')
    expect(formatAge(5 * 60_000)).toBe('5 min')
    expect(formatAge(3 * 3_600_000)).toBe('3 h')
    expect(formatAge(2 * 86_400_000)).toBe('2 d')
  })
})
