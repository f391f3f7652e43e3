import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../fake-upstream/synthetic-catalogue'
import { anyCodePoint } from '../testing/any-code-point'
import { createTestApp } from '../testing/test-app'
import {
  DEFAULT_LIMIT,
  LIFECYCLES,
  type ListParams,
  listParamsToSearch,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  parseListParams,
  SORT_VALUES,
} from './list-params'

const PARAM_NAMES = ['limit', 'after_id', 'before_id', 'q', 'sort', 'refresh', 'lifecycle']

/** Strings that look like parameter values, near-misses included, and anything at all. */
const valueLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: anyCodePoint }),
  fc.integer({ min: -5, max: 1_000_010 }).map(String),
  fc.constantFrom(
    ...SORT_VALUES,
    ...LIFECYCLES,
    'active,retired',
    'retired,,active',
    '-',
    '--id',
    '1e3',
    '0x10',
    ' 20',
    '20 ',
    '..',
    '.',
    'a/b',
    '%',
    '%zz',
    '\u0000',
  ),
  fc.string({ minLength: 195, maxLength: 260 }),
)

/** Query strings built from known and unknown names, repeated or not, with any values. */
const paramEntries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string()), valueLike), {
  maxLength: 8,
})

const modelId = fc.stringMatching(/^[A-Za-z0-9._:@-]{1,40}$/).filter((id) => !/^\.+$/.test(id))

/** Parameters as the parser gives them for a valid query: defaults filled, at most one cursor. */
const validParams: fc.Arbitrary<ListParams> = fc
  .record(
    {
      limit: fc.integer({ min: 1, max: MAX_LIMIT }),
      cursor: fc.option(fc.tuple(fc.constantFrom('after_id', 'before_id'), modelId), { nil: undefined }),
      q: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((q) => q.length <= MAX_QUERY_LENGTH),
      sort: fc.constantFrom(...SORT_VALUES),
      // As parsed: the stages in their canonical order, and never the default pair.
      lifecycle: fc
        .subarray([...LIFECYCLES], { minLength: 1 })
        .filter((stages) => stages.join(',') !== 'active,deprecated'),
      refresh: fc.constant(true),
    },
    { requiredKeys: ['limit'] },
  )
  .map(({ cursor, ...rest }) => ({ ...rest, ...(cursor ? { [cursor[0]]: cursor[1] } : {}) }) as ListParams)

describe('parseListParams', () => {
  it('never throws, and either parses or says what is wrong', () => {
    fc.assert(
      fc.property(paramEntries, (entries) => {
        const result = parseListParams(new URLSearchParams(entries))
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on a raw query string of any characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint }), (query) => {
        parseListParams(new URLSearchParams(query))
      }),
      { numRuns: 2000 },
    )
  })

  it('only ever accepts values inside the rules', () => {
    fc.assert(
      fc.property(paramEntries, (entries) => {
        const result = parseListParams(new URLSearchParams(entries))
        if (!result.ok) return
        const { limit, after_id: afterId, before_id: beforeId, q, sort, lifecycle } = result.value
        expect(Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT).toBe(true)
        expect(afterId !== undefined && beforeId !== undefined).toBe(false)
        expect((q ?? '').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
        if (sort !== undefined) expect(SORT_VALUES).toContain(sort)
        if (lifecycle !== undefined) {
          expect(lifecycle.length).toBeGreaterThan(0)
          expect(lifecycle).toEqual(LIFECYCLES.filter((stage) => lifecycle.includes(stage)))
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips valid parameters through listParamsToSearch', () => {
    fc.assert(
      fc.property(validParams, (params) => {
        const parsed = parseListParams(new URLSearchParams(listParamsToSearch(params).toString()))
        expect(parsed).toEqual({ ok: true, value: params })
      }),
      { numRuns: 2000 },
    )
  })

  it('gives the same URL for the same view, leaving defaults out', () => {
    expect(listParamsToSearch({ limit: DEFAULT_LIMIT }).toString()).toBe('')
    expect(listParamsToSearch({ limit: 50, q: 'opus 4', sort: '-created_at' }).toString()).toBe(
      'limit=50&q=opus+4&sort=-created_at',
    )
  })

  it('reads lifecycle as a comma list or a repeated parameter, the default left out', () => {
    const retiredToo = { ok: true, value: { limit: DEFAULT_LIMIT, lifecycle: ['active', 'retired'] } }
    expect(parseListParams(new URLSearchParams('lifecycle=retired,active'))).toEqual(retiredToo)
    expect(parseListParams(new URLSearchParams('lifecycle=retired&lifecycle=active&lifecycle=retired'))).toEqual(
      retiredToo,
    )
    expect(parseListParams(new URLSearchParams('lifecycle=deprecated,active'))).toEqual({
      ok: true,
      value: { limit: DEFAULT_LIMIT },
    })
    expect(parseListParams(new URLSearchParams('lifecycle=gone'))).toMatchObject({ ok: false })
    expect(listParamsToSearch({ lifecycle: ['retired', 'active'] }).toString()).toBe('lifecycle=active%2Cretired')
    expect(listParamsToSearch({ lifecycle: ['active', 'deprecated'] }).toString()).toBe('')
  })

  it('fills the default limit and reads refresh', () => {
    expect(parseListParams(new URLSearchParams(''))).toEqual({ ok: true, value: { limit: DEFAULT_LIMIT } })
    expect(parseListParams(new URLSearchParams('refresh=1'))).toMatchObject({ ok: true, value: { refresh: true } })
    expect(parseListParams(new URLSearchParams('refresh=0'))).toMatchObject({ ok: true, value: { refresh: false } })
  })
})

describe('GET /api/models with random parameters', () => {
  it('never answers 500: a page for valid parameters, a 400 in the error shape otherwise', async () => {
    const { app, fake } = createTestApp({ upstream: { models: syntheticCatalogue(60) } })
    await fc.assert(
      fc.asyncProperty(paramEntries, async (entries) => {
        const search = new URLSearchParams(entries)
        const response = await app.request(`/api/models?${search.toString()}`)
        const body = (await response.json()) as { type?: string; error?: { type: string } }
        const parsed = parseListParams(search)
        if (!parsed.ok) {
          expect(response.status).toBe(400)
          expect(body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } })
        } else {
          // Valid parameters give a page, or a 400 for a cursor that is not in the view.
          expect([200, 400]).toContain(response.status)
        }
      }),
      { numRuns: 500 },
    )
    expect(fake.stats.listCalls).toBeGreaterThanOrEqual(1)
  })

  it('never answers 500 to a raw query string', async () => {
    const { app } = createTestApp()
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (query) => {
        const response = await app.request(`/api/models?${encodeURI(query)}`)
        expect([200, 400]).toContain(response.status)
      }),
      { numRuns: 300 },
    )
  })

  it('answers valid parameters with a page that respects them', async () => {
    const models = syntheticCatalogue(60)
    const { app } = createTestApp({ upstream: { models } })
    await fc.assert(
      fc.asyncProperty(validParams, async (params) => {
        const { refresh: _refresh, ...view } = params
        const response = await app.request(`/api/models?${listParamsToSearch(view).toString()}`)
        expect([200, 400]).toContain(response.status)
        if (response.status !== 200) return
        const page = (await response.json()) as { data: unknown[]; total: number }
        expect(page.data.length).toBeLessThanOrEqual(params.limit)
        expect(page.total).toBeLessThanOrEqual(models.length)
      }),
      { numRuns: 300 },
    )
  })
})
