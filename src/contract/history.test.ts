import { describe, expect, it } from 'vitest'
import { DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT, parseChangesParams, parseSeenParams } from './history'

const parse = (query: string) => parseChangesParams(new URLSearchParams(query))

function refusal(query: string): string {
  const result = parse(query)
  if (result.ok) throw new Error(`expected ${query} to be refused`)
  return result.message
}

describe('parseChangesParams', () => {
  it('gives the defaults for no parameters, and ignores unknown and empty ones', () => {
    expect(parse('')).toEqual({ ok: true, value: { limit: DEFAULT_CHANGES_LIMIT } })
    expect(parse('since=&limit=&after_id=&sort=x')).toEqual(parse(''))
  })

  it.each([
    ['2026-10-03', Date.UTC(2026, 9, 3)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2026-10-03T12:30:00Z', Date.UTC(2026, 9, 3, 12, 30)],
    ['2026-10-03T12:30:00.250Z', Date.UTC(2026, 9, 3, 12, 30, 0, 250)],
    ['2026-10-03T14:30:00+02:00', Date.UTC(2026, 9, 3, 12, 30)],
  ])('reads since=%s as a date (midnight UTC) or an instant', (since, expected) => {
    expect(parse(`since=${encodeURIComponent(since)}`)).toEqual({
      ok: true,
      value: { since: expected, limit: DEFAULT_CHANGES_LIMIT },
    })
  })

  it.each([
    'yesterday',
    '2026-02-30',
    '2026-13-01',
    '2026-10-03T12:30:00',
    '2026-10-03 12:30Z',
    '1790985600000',
    '03/10/2026',
  ])('refuses since=%s, saying what a date looks like', (since) => {
    expect(refusal(`since=${encodeURIComponent(since)}`)).toContain('since must be a date (2026-10-03)')
  })

  it.each(['1', '50', String(MAX_CHANGES_LIMIT)])('takes limit=%s', (limit) => {
    expect(parse(`limit=${limit}`)).toEqual({ ok: true, value: { limit: Number(limit) } })
  })

  it.each(['0', String(MAX_CHANGES_LIMIT + 1), '-1', '1.5', 'ten', '1e3', ' 5'])('refuses limit=%s', (limit) => {
    expect(refusal(`limit=${encodeURIComponent(limit)}`)).toBe('limit must be a whole number from 1 to 1000')
  })

  it.each(['0', '-3', 'abc', 'claude-opus-4-6', '9'.repeat(16)])('refuses after_id=%s', (afterId) => {
    expect(refusal(`after_id=${afterId}`)).toContain('after_id must be a whole number')
  })

  it('refuses a parameter given twice rather than picking one', () => {
    expect(refusal('limit=5&limit=6')).toBe('limit was given more than once')
  })

  it('names every bad parameter at once', () => {
    const message = refusal('limit=0&since=never')
    expect(message).toContain('limit')
    expect(message).toContain('since')
  })
})

describe('parseSeenParams', () => {
  const seen = (query: string) => parseSeenParams(new URLSearchParams(query))

  it('takes since, limit, a cursor and model_id, and the default limit without one', () => {
    expect(seen('')).toEqual({ ok: true, value: { limit: DEFAULT_CHANGES_LIMIT } })
    expect(seen('since=2026-10-03&limit=5&after_id=claude-opus-4-6&kind=added')).toEqual({
      ok: true,
      value: { since: Date.UTC(2026, 9, 3), limit: 5, after_id: 'claude-opus-4-6' },
    })
    expect(seen('before_id=b&model_id=m')).toEqual({
      ok: true,
      value: { limit: DEFAULT_CHANGES_LIMIT, before_id: 'b', model_id: 'm' },
    })
  })

  it.each([
    ['since=soon', 'since must be a date'],
    [`limit=${MAX_CHANGES_LIMIT + 1}`, 'limit must be a whole number from 1 to 1000'],
    ['after_id=a&before_id=b', 'Give after_id or before_id, not both'],
    ['model_id=a&model_id=b', 'model_id was given more than once'],
    ['after_id=%0A', 'after_id must be a model id'],
  ])('refuses %s, naming the parameter', (query, message) => {
    const result = seen(query)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(message)
  })
})
