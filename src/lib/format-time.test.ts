import { describe, expect, test } from 'vitest'
import { describeRetirement, formatAge, formatDate, formatDateTimeUtc, formatRelative } from './format-time'

const at = (iso: string) => Date.parse(iso)

describe('absolute dates', () => {
  test('a date reads "30 Nov 2026", always with the year', () => {
    expect(formatDate('2026-11-30T00:00:00Z')).toBe('30 Nov 2026')
    expect(formatDate('2025-01-05T12:00:00Z')).toBe('5 Jan 2025')
  })

  test('a date is the calendar date in UTC, whatever the time zone', () => {
    // Midnight UTC is still the previous evening west of Greenwich, and 23:59 UTC the next morning east of it.
    expect(formatDate('2025-10-01T00:00:00Z')).toBe('1 Oct 2025')
    expect(formatDate('2025-10-01T23:59:59Z')).toBe('1 Oct 2025')
    expect(formatDate('2025-10-01T23:30:00-05:00')).toBe('2 Oct 2025')
  })

  test('a time says UTC, on a 24-hour clock', () => {
    expect(formatDateTimeUtc('2026-11-30T20:00:00Z')).toBe('30 Nov 2026, 20:00 UTC')
    expect(formatDateTimeUtc('2026-11-30T20:05:00+02:00')).toBe('30 Nov 2026, 18:05 UTC')
    expect(formatDateTimeUtc('2026-01-02T00:07:00Z')).toBe('2 Jan 2026, 00:07 UTC')
  })
})

describe('relative phrases', () => {
  test('are coarse by default, and count UTC calendar days', () => {
    const now = at('2026-01-15T00:00:00Z')
    expect(formatRelative('2026-01-15T23:00:00Z', now)).toBe('today')
    expect(formatRelative('2026-01-14T00:00:00Z', now)).toBe('yesterday')
    expect(formatRelative('2026-01-01T00:00:00Z', now)).toBe('2 weeks ago')
    expect(formatRelative('2025-10-15T00:00:00Z', now)).toBe('3 months ago')
    expect(formatRelative('2024-01-15T00:00:00Z', now)).toBe('2 years ago')
    expect(formatRelative('2026-02-15T00:00:00Z', now)).toBe('next month')
  })

  test('a date earlier today is "today", not "yesterday", late in the day', () => {
    expect(formatRelative('2026-11-30T00:00:00Z', at('2026-11-30T20:00:00Z'))).toBe('today')
    expect(formatRelative('2026-11-29T23:00:00Z', at('2026-11-30T01:00:00Z'))).toBe('yesterday')
  })

  test('count days for deadlines when asked', () => {
    const now = at('2026-11-10T09:00:00Z')
    expect(formatRelative('2026-11-30T00:00:00Z', now, 'day')).toBe('in 20 days')
    expect(formatRelative('2026-11-11T00:00:00Z', now, 'day')).toBe('tomorrow')
    expect(formatRelative('2025-07-21T00:00:00Z', now, 'day')).toBe('477 days ago')
  })
})

describe('retirement', () => {
  const DAY = '2026-11-30T12:00:00Z'

  test('on the retirement day a deprecated model retires today until the instant, and is overdue after it', () => {
    const before = describeRetirement('deprecated', DAY, at('2026-11-30T08:00:00Z'))
    expect(before).toMatchObject({ state: 'today', label: 'Retires today', sentence: 'Retires today' })
    const exactly = describeRetirement('deprecated', DAY, at(DAY))
    expect(exactly).toMatchObject({ state: 'overdue', label: 'Retirement overdue' })
    const after = describeRetirement('deprecated', DAY, at('2026-11-30T20:00:00Z'))
    expect(after).toMatchObject({
      state: 'overdue',
      label: 'Retirement overdue',
      sentence: 'Retirement overdue: it was due today',
    })
  })

  test('at 20:00 UTC on the day of a midnight retirement, it is overdue, not "yesterday"', () => {
    const retirement = describeRetirement('deprecated', '2026-11-30T00:00:00Z', at('2026-11-30T20:00:00Z'))
    expect(retirement).toMatchObject({ state: 'overdue', sentence: 'Retirement overdue: it was due today' })
  })

  test('before its day it retires on a date, and the sentence counts the days', () => {
    const retirement = describeRetirement('deprecated', DAY, at('2026-11-10T09:00:00Z'))
    expect(retirement).toMatchObject({ state: 'upcoming', label: 'Retires 30 Nov 2026', sentence: 'in 20 days' })
    expect(retirement!.remainingMs).toBe(at(DAY) - at('2026-11-10T09:00:00Z'))
  })

  test('days after its date a deprecated model is overdue by that many days', () => {
    expect(describeRetirement('deprecated', DAY, at('2026-12-05T09:00:00Z'))).toMatchObject({
      state: 'overdue',
      sentence: 'Retirement overdue: it was due 5 days ago',
    })
  })

  test('a retired model is retired, with how long ago', () => {
    expect(describeRetirement('retired', '2025-07-21T00:00:00Z', at('2026-11-10T09:00:00Z'))).toMatchObject({
      state: 'retired',
      label: 'Retired',
      sentence: 'Retired 477 days ago',
    })
  })

  test('no phrase without a valid date, or for an active model', () => {
    expect(describeRetirement('deprecated', null, 0)).toBeNull()
    expect(describeRetirement('deprecated', 'soon', 0)).toBeNull()
    expect(describeRetirement('active', DAY, 0)).toBeNull()
    expect(describeRetirement(undefined, DAY, 0)).toBeNull()
  })
})

describe('ages', () => {
  test('are short', () => {
    expect(formatAge(12_400)).toBe('12 s')
    expect(formatAge(-3_000)).toBe('0 s')
    expect(formatAge(5 * 60_000)).toBe('5 min')
    expect(formatAge(3 * 3_600_000)).toBe('3 h')
    expect(formatAge(2 * 86_400_000)).toBe('2 d')
  })
})
