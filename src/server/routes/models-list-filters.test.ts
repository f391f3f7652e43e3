import { describe, expect, it } from 'vitest'
import { CAPABILITY_PATHS, capabilitySupport } from '../../contract/capabilities'
import type { Model, ModelPage } from '../../contract/model'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp, readError, type TestApp } from '../../testing/test-app'

const DAY_MS = 86_400_000
// The test app's clock: the snapshot is taken then, and "retiring within" counts from it.
const NOW = Date.UTC(2026, 0, 15, 12)
const day = (offset: number) => new Date(NOW + offset * DAY_MS).toISOString().replace('.000', '')
const ids = (models: readonly Model[]) => models.map((model) => model.id)
const EVERY_STAGE = { lifecycle: 'active,deprecated,retired' }

/** The demo line-up, plus a model of a line not known today and one with no capability tree or limits. */
const CATALOGUE: Model[] = [
  ...DEMO_MODELS,
  { ...DEMO_MODELS[0]!, id: 'claude-fable-1', display_name: 'Claude Fable 1', line: 'fable' },
  {
    ...DEMO_MODELS[1]!,
    id: 'mystery-1',
    display_name: 'Mystery',
    line: null,
    capabilities: null,
    max_input_tokens: null,
    max_tokens: null,
  },
]

async function idsOf(search: Record<string, string>, models: readonly Model[] = CATALOGUE) {
  const { listPage } = createTestApp({ upstream: { models } })
  return ids((await listPage({ limit: '1000', ...EVERY_STAGE, ...search })).data)
}

const everyStage = (keep: (model: Model) => boolean) => ids(CATALOGUE.filter(keep))
/** Listed views put retired models after the others. */
const listedOrder = (models: readonly string[]) => {
  const stage = (id: string) => CATALOGUE.find((model) => model.id === id)!.lifecycle
  return [...models.filter((id) => stage(id) !== 'retired'), ...models.filter((id) => stage(id) === 'retired')]
}

describe('GET /api/models: line', () => {
  it('keeps models of any listed line', async () => {
    expect(await idsOf({ line: 'opus,sonnet' })).toEqual(
      listedOrder(everyStage((model) => model.line === 'opus' || model.line === 'sonnet')),
    )
    expect(await idsOf({ line: 'fable' })).toEqual(['claude-fable-1'])
  })

  it('matches a null line with line=none, and never guesses a line from the id', async () => {
    expect(await idsOf({ line: 'none' })).toEqual(listedOrder(['mystery-1', 'claude-2.1', 'claude-2.0']))
    expect(await idsOf({ line: 'none,haiku' })).toEqual(
      listedOrder(everyStage((model) => model.line === null || model.line === 'haiku')),
    )
  })

  it('matches nothing for a line no model has', async () => {
    expect(await idsOf({ line: 'mythos' })).toEqual([])
  })
})

describe('GET /api/models: caps', () => {
  it('keeps models that support every listed capability (AND), leaves and groups alike', async () => {
    const paths = ['pdf_input', 'thinking.types.adaptive', 'server_tools.web_search'] as const
    const expected = everyStage((model) => paths.every((path) => capabilitySupport(model.capabilities, path) === true))
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(CATALOGUE.length - 1)
    expect(await idsOf({ caps: paths.join(',') })).toEqual(listedOrder(expected))
    expect(await idsOf({ caps: 'effort.xhigh' })).toEqual(['claude-opus-5-5', 'claude-opus-5', 'claude-fable-1'])
  })

  it('never matches a model without a capability tree, nor a null leaf', async () => {
    for (const path of CAPABILITY_PATHS) expect(await idsOf({ caps: path }), path).not.toContain('mystery-1')
    // Claude 2's context-editing leaves are null.
    expect(await idsOf({ caps: 'context_management.compact_20260112', line: 'none' })).toEqual([])
  })

  it('refuses an unknown path with a 400 that lists the known ones', async () => {
    const { app } = createTestApp({ upstream: { models: CATALOGUE } })
    const response = await app.request('/api/models?caps=pdf_input,thinking.types')
    expect(response.status).toBe(400)
    const body = await readError(response)
    expect(body.error.type).toBe('invalid_request_error')
    for (const path of CAPABILITY_PATHS) expect(body.error.message).toContain(path)
  })
})

describe('GET /api/models: min_context', () => {
  it('keeps models whose context window is at least the value; an unknown window never matches', async () => {
    expect(await idsOf({ min_context: '1000000' })).toEqual(
      listedOrder(everyStage((model) => (model.max_input_tokens ?? 0) >= 1_000_000)),
    )
    expect(await idsOf({ min_context: '1' })).not.toContain('mystery-1')
    expect(await idsOf({ min_context: '1' })).toHaveLength(CATALOGUE.length - 1)
  })
})

describe('GET /api/models: retiring_within', () => {
  const model = (id: string, lifecycle: string, retiresAt: string | null): Model => ({
    ...DEMO_MODELS[0]!,
    id,
    lifecycle,
    deprecated_at: lifecycle === 'active' ? null : day(-100),
    retires_at: retiresAt,
  })
  const RETIRING = [
    model('overdue', 'deprecated', day(-3)),
    model('in-10-days', 'deprecated', day(10)),
    model('in-30-days', 'deprecated', day(30)),
    model('in-31-days', 'deprecated', day(31)),
    model('no-date', 'deprecated', null),
    model('retired', 'retired', day(-20)),
    model('active', 'active', null),
  ]

  it('keeps deprecated models retiring within that many days from now, overdue ones included', async () => {
    expect(await idsOf({ retiring_within: '30' }, RETIRING)).toEqual(['overdue', 'in-10-days', 'in-30-days'])
    expect(await idsOf({ retiring_within: '0' }, RETIRING)).toEqual(['overdue'])
    expect(await idsOf({ retiring_within: '90' }, RETIRING)).toEqual([
      'overdue',
      'in-10-days',
      'in-30-days',
      'in-31-days',
    ])
  })

  it('sorts by retires_at, sooner first or last, unknown dates last both ways', async () => {
    expect(await idsOf({ sort: 'retires_at' }, RETIRING)).toEqual([
      'overdue',
      'in-10-days',
      'in-30-days',
      'in-31-days',
      'no-date',
      'active',
      'retired',
    ])
    expect(await idsOf({ sort: '-retires_at' }, RETIRING)).toEqual([
      'in-31-days',
      'in-30-days',
      'in-10-days',
      'overdue',
      'no-date',
      'active',
      'retired',
    ])
  })
})

describe('GET /api/models: sort by line', () => {
  it('sorts by line name, models without a line last both ways, ties in upstream order', async () => {
    const ascending = await idsOf({ sort: 'line', lifecycle: 'active' })
    const lineOf = (id: string) => CATALOGUE.find((model) => model.id === id)!.line ?? null
    const lines = CATALOGUE.filter((model) => model.lifecycle === 'active').map((model) => model.line ?? null)
    const named = lines.filter((line) => line !== null).sort()
    const none = lines.filter((line) => line === null)
    expect(none.length).toBeGreaterThan(0)
    expect(ascending.map(lineOf)).toEqual([...named, ...none])
    const descending = await idsOf({ sort: '-line', lifecycle: 'active' })
    expect(descending.map(lineOf)).toEqual([...named.reverse(), ...none])
    expect(ascending.filter((id) => lineOf(id) === 'opus')).toEqual(
      ids(CATALOGUE.filter((model) => model.line === 'opus' && model.lifecycle === 'active')),
    )
  })
})

describe('GET /api/models: the filters together', () => {
  it('AND-s the filters with q and lifecycle', async () => {
    expect(
      await idsOf({ line: 'opus', caps: 'effort.max', min_context: '1000000', q: '4', lifecycle: 'active' }),
    ).toEqual(['claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6'])
  })

  it.each([
    ['line=Opus', 'line must be'],
    ['line=opus,,sonnet', 'line must be'],
    ['caps=thinking.types', 'caps must be'],
    ['min_context=0', 'min_context must be'],
    ['min_context=lots', 'min_context must be'],
    ['retiring_within=-1', 'retiring_within must be'],
    ['retiring_within=3651', 'retiring_within must be'],
    ['min_context=1&min_context=2', 'min_context was given more than once'],
  ])('refuses %s with a 400 that says why', async (search, message) => {
    const { app } = createTestApp({ upstream: { models: CATALOGUE } })
    const response = await app.request(`/api/models?${search}`)
    expect(response.status).toBe(400)
    expect((await readError(response)).error.message).toContain(message)
  })

  it('gives each filter its own ETag, and answers the same filter again by 304', async () => {
    const { app } = createTestApp({ upstream: { models: CATALOGUE } })
    const etagOf = async (search: string) => (await app.request(`/api/models?${search}`)).headers.get('etag')
    const tags = await Promise.all(
      [
        '',
        'line=opus',
        'line=sonnet',
        'caps=pdf_input',
        'caps=effort',
        'min_context=1000000',
        'retiring_within=400',
      ].map(etagOf),
    )
    expect(new Set(tags).size).toBe(tags.length)
    const again = await app.request('/api/models?line=opus', { headers: { 'If-None-Match': tags[1]! } })
    expect(again.status).toBe(304)
    // The same view however the list is written.
    expect(await etagOf('line=opus&line=opus')).toBe(tags[1])
  })

  it('exports the filtered view, and names the filters in the file name', async () => {
    const { app, listPage } = createTestApp({ upstream: { models: CATALOGUE } })
    const search = 'line=opus,none&caps=pdf_input&min_context=200000&retiring_within=400&lifecycle[]=deprecated'
    const listed = await listPage(`${search}&limit=1000`)
    expect(listed.total).toBeGreaterThan(0)
    const response = await app.request(`/api/models/export?format=json&${search}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-total-count')).toBe(String(listed.total))
    expect(response.headers.get('content-disposition')).toContain(
      'models-deprecated-none-opus-with-pdf_input-context-200000-retiring-400d-',
    )
    expect(await response.json()).toEqual(listed.data)
    expect((await app.request('/api/models/export?format=csv&caps=nope')).status).toBe(400)
  })
})

describe('GET /api/models: lifecycle[] as the SDK sends it', () => {
  it('takes lifecycle[] wherever it takes lifecycle, on the list and the export', async () => {
    const { app, listPage } = createTestApp({ upstream: { models: CATALOGUE } })
    const retired = ids(CATALOGUE.filter((model) => model.lifecycle === 'retired'))
    expect(ids((await listPage('lifecycle[]=retired&limit=1000')).data)).toEqual(retired)
    expect(await listPage('lifecycle[]=retired&limit=1000')).toEqual(await listPage('lifecycle=retired&limit=1000'))
    const exported = await app.request('/api/models/export?format=json&lifecycle[]=retired')
    expect(exported.headers.get('x-total-count')).toBe(String(retired.length))
    const bad = await app.request('/api/models?lifecycle[]=sunset')
    expect(bad.status).toBe(400)
  })
})

/** Cursor pages inside each filter, both ways, over a large catalogue. */
const SYNTHETIC = syntheticCatalogue(400)
const FILTERED_VIEWS: Record<string, string> = {
  'line=opus,none': 'line=opus,none',
  'caps, sorted by line': 'caps=thinking.types.adaptive,server_tools.web_search&sort=-line',
  'min_context, sorted by context': 'min_context=500000&sort=max_input_tokens',
  'retiring_within, sorted by retirement': 'retiring_within=400&sort=retires_at',
}

async function walk(listPage: TestApp['listPage'], view: string, limit: number) {
  const all = await listPage(`${view}&limit=1000`)
  expect(all.total).toBeGreaterThan(limit)
  const forward: ModelPage[] = [await listPage(`${view}&limit=${limit}`)]
  while (forward.at(-1)!.has_more) {
    forward.push(await listPage(`${view}&limit=${limit}&after_id=${forward.at(-1)!.last_id}`))
  }
  const lastId = all.data.at(-1)!.id
  const backward: ModelPage[] = [await listPage(`${view}&limit=${limit}&before_id=${lastId}`)]
  while (backward[0]!.has_more) {
    backward.unshift(await listPage(`${view}&limit=${limit}&before_id=${backward[0]!.first_id}`))
  }
  return { all: ids(all.data), forward, backward, lastId }
}

describe.each(Object.entries(FILTERED_VIEWS))('cursor pages inside %s', (_, view) => {
  it.each([1, 7, 20])('walk forwards and backwards with limit=%i: no gaps, no duplicates', async (limit) => {
    const { listPage } = createTestApp({ upstream: { models: SYNTHETIC } })
    const { all, forward, backward, lastId } = await walk(listPage, view, limit)
    expect(forward.flatMap((page) => ids(page.data))).toEqual(all)
    expect(backward.flatMap((page) => ids(page.data))).toEqual(all.filter((id) => id !== lastId))
    for (const page of forward) expect(page.total).toBe(all.length)
  })
})
