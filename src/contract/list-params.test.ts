import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../fake-upstream/synthetic-catalogue'
import { anyCodePoint } from '../testing/any-code-point'
import { CAPABILITY_PATHS } from './capabilities'
import { createTestApp } from '../testing/test-app'
import {
  DEFAULT_LIMIT,
  LIFECYCLES,
  MAX_CONTEXT,
  MAX_RETIRING_WITHIN_DAYS,
  listParamsToSearch,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  SORT_VALUES,
} from './list-params'
import { type ListParams, parseListParams } from './list-params-schema'

const PARAM_NAMES = [
  'limit',
  'after_id',
  'before_id',
  'q',
  'sort',
  'refresh',
  'lifecycle',
  'lifecycle[]',
  'line',
  'line[]',
  'caps',
  'caps[]',
  'min_context',
  'retiring_within',
]

/** Strings that look like parameter values, near-misses included, and anything at all. */
const valueLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: anyCodePoint }),
  fc.integer({ min: -5, max: 1_000_010 }).map(String),
  fc.constantFrom(
    ...SORT_VALUES,
    ...LIFECYCLES,
    ...CAPABILITY_PATHS,
    'opus,sonnet',
    'none',
    'Opus',
    'thinking.types',
    'pdf_input,thinking.types.adaptive',
    '200000',
    '1000000000',
    '1000000001',
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
      // As parsed: lines sorted without repeats, capability paths in the tree's order.
      line: fc
        .uniqueArray(fc.constantFrom('opus', 'sonnet', 'haiku', 'fable', 'mythos', 'none', 'lyric-2'), { minLength: 1 })
        .map((lines) => lines.sort()),
      caps: fc.subarray([...CAPABILITY_PATHS], { minLength: 1 }),
      min_context: fc.integer({ min: 1, max: MAX_CONTEXT }),
      retiring_within: fc.integer({ min: 0, max: MAX_RETIRING_WITHIN_DAYS }),
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
        const { limit, after_id: afterId, before_id: beforeId, q, sort, lifecycle, line, caps } = result.value
        expect(Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT).toBe(true)
        expect(afterId !== undefined && beforeId !== undefined).toBe(false)
        expect((q ?? '').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
        if (sort !== undefined) expect(SORT_VALUES).toContain(sort)
        if (lifecycle !== undefined) {
          expect(lifecycle.length).toBeGreaterThan(0)
          expect(lifecycle).toEqual(LIFECYCLES.filter((stage) => lifecycle.includes(stage)))
        }
        if (line !== undefined) for (const item of line) expect(item).toMatch(/^[a-z][a-z0-9_-]*$/)
        if (caps !== undefined) expect(caps).toEqual(CAPABILITY_PATHS.filter((path) => caps.includes(path)))
        const { min_context: minContext, retiring_within: retiringWithin } = result.value
        if (minContext !== undefined) expect(minContext >= 1 && minContext <= MAX_CONTEXT).toBe(true)
        if (retiringWithin !== undefined) expect(retiringWithin).toBeLessThanOrEqual(MAX_RETIRING_WITHIN_DAYS)
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

  it("reads lifecycle[], the SDK's bracket form, as lifecycle, and the two add up", () => {
    expect(parseListParams(new URLSearchParams('lifecycle[]=retired'))).toEqual({
      ok: true,
      value: { limit: DEFAULT_LIMIT, lifecycle: ['retired'] },
    })
    expect(parseListParams(new URLSearchParams('lifecycle[]=retired&lifecycle=active'))).toMatchObject({
      value: { lifecycle: ['active', 'retired'] },
    })
    expect(parseListParams(new URLSearchParams('lifecycle[]=sunset'))).toMatchObject({ ok: false })
  })

  it('reads line as a sorted comma list of lower-case lines, none included; a line[] form too', () => {
    expect(parseListParams(new URLSearchParams('line=sonnet,opus,sonnet'))).toMatchObject({
      value: { line: ['opus', 'sonnet'] },
    })
    expect(parseListParams(new URLSearchParams('line[]=none&line[]=haiku'))).toMatchObject({
      value: { line: ['haiku', 'none'] },
    })
    expect(listParamsToSearch({ line: ['sonnet', 'opus'] }).toString()).toBe('line=opus%2Csonnet')
    for (const bad of ['Opus', 'opus,,sonnet', 'op us', '1x', 'a'.repeat(40)]) {
      const result = parseListParams(new URLSearchParams({ line: bad }))
      expect(result, bad).toMatchObject({ ok: false, message: expect.stringContaining('line must be') })
    }
  })

  it("reads caps as dotted capability paths in the tree's order; an unknown path is refused, naming the known ones", () => {
    expect(parseListParams(new URLSearchParams('caps=thinking.types.adaptive,pdf_input'))).toMatchObject({
      value: { caps: ['pdf_input', 'thinking.types.adaptive'] },
    })
    const unknown = parseListParams(new URLSearchParams('caps=pdf_input,thinking.types'))
    expect(unknown).toMatchObject({ ok: false })
    if (unknown.ok) return
    expect(unknown.message).toContain('caps must be')
    for (const path of CAPABILITY_PATHS) expect(unknown.message).toContain(path)
  })

  it('reads min_context and retiring_within as whole numbers within bounds', () => {
    expect(parseListParams(new URLSearchParams('min_context=200000&retiring_within=90'))).toMatchObject({
      value: { min_context: 200_000, retiring_within: 90 },
    })
    expect(parseListParams(new URLSearchParams('retiring_within=0'))).toMatchObject({ value: { retiring_within: 0 } })
    for (const bad of ['min_context=0', 'min_context=-1', 'min_context=1e6', `min_context=${MAX_CONTEXT + 1}`]) {
      expect(parseListParams(new URLSearchParams(bad)), bad).toMatchObject({
        ok: false,
        message: expect.stringContaining('min_context must be a whole number'),
      })
    }
    for (const bad of ['retiring_within=-5', 'retiring_within=3651', 'retiring_within=soon', 'retiring_within=1.5']) {
      expect(parseListParams(new URLSearchParams(bad)), bad).toMatchObject({
        ok: false,
        message: expect.stringContaining('retiring_within must be a whole number'),
      })
    }
    expect(parseListParams(new URLSearchParams('min_context=1&min_context=2'))).toMatchObject({
      ok: false,
      message: 'min_context was given more than once',
    })
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
