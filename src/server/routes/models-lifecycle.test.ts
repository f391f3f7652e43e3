import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { createTestApp, readError } from '../../testing/test-app'

const ids = (models: readonly Model[]) => models.map((entry) => entry.id)

function model(id: string, lifecycle: Model['lifecycle'], extra: Partial<Model> = {}): Model {
  return { id, type: 'model', display_name: id, created_at: '2025-01-01T00:00:00Z', lifecycle, ...extra }
}

/** Upstream order, with every stage mixed in. */
const MIXED: Model[] = [
  model('gone-1', 'retired', { max_input_tokens: 300_000, max_tokens: 1_000 }),
  model('live-1', 'active', { max_input_tokens: 100_000, max_tokens: 64_000 }),
  model('old-1', 'deprecated', { max_input_tokens: 200_000 }),
  model('gone-2', 'retired'),
  model('live-2', 'active', { max_input_tokens: null, max_tokens: 8_000 }),
]

async function idsOf(search: Record<string, string>, models: readonly Model[] = MIXED) {
  const { listPage } = createTestApp({ upstream: { models } })
  return ids((await listPage({ limit: '1000', ...search })).data)
}

describe('GET /api/models: lifecycle', () => {
  it('shows active and deprecated models by default, like the upstream', async () => {
    expect(await idsOf({})).toEqual(['live-1', 'old-1', 'live-2'])
  })

  it('asks the upstream for every stage, once, so retired models can be shown', async () => {
    const { listPage, fake } = createTestApp({ upstream: { models: MIXED } })
    await listPage()
    expect(await listPage({ lifecycle: 'retired' })).toMatchObject({ total: 2 })
    expect(fake.stats.listCalls).toBe(1)
    expect(decodeURIComponent(fake.stats.requests[0]!)).toContain(
      'lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired',
    )
  })

  it.each([
    ['retired', ['gone-1', 'gone-2']],
    ['deprecated', ['old-1']],
    ['active', ['live-1', 'live-2']],
    ['deprecated,active', ['live-1', 'old-1', 'live-2']],
  ])('lifecycle=%s keeps those stages', async (lifecycle, expected) => {
    expect(await idsOf({ lifecycle })).toEqual(expected)
  })

  it('takes a repeated parameter or a comma list alike, in any order', async () => {
    const { app, listPage } = createTestApp({ upstream: { models: MIXED } })
    const list = await listPage({ lifecycle: 'retired,active' })
    const response = await app.request('/api/models?lifecycle=active&lifecycle=retired')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(list)
  })

  it('puts retired models after the others when shown, in any sort', async () => {
    const all = 'active,deprecated,retired'
    expect(await idsOf({ lifecycle: all })).toEqual(['live-1', 'old-1', 'live-2', 'gone-1', 'gone-2'])
    expect(await idsOf({ lifecycle: all, sort: '-id' })).toEqual(['old-1', 'live-2', 'live-1', 'gone-2', 'gone-1'])
    expect(await idsOf({ lifecycle: all, sort: '-max_input_tokens' })).toEqual([
      'old-1',
      'live-1',
      'live-2',
      'gone-1',
      'gone-2',
    ])
  })

  it('counts a model without a lifecycle (the seed-era shape) as active', async () => {
    const { listPage, fake } = createTestApp({ upstream: { models: DEMO_MODELS, shape: 'seed' } })
    const active = await listPage({ lifecycle: 'active', limit: '1000' })
    // A seed-era upstream tells no stage apart: the walk's models are all "active".
    expect(active.total).toBe(DEMO_MODELS.length)
    expect(active.data.every((entry) => Object.keys(entry).length === 4)).toBe(true)
    expect((await listPage({ lifecycle: 'retired' })).total).toBe(0)
    expect(fake.stats.listCalls).toBe(1)
  })

  it('reads a lifecycle stage it does not know yet, passes it through, and counts the model as active', async () => {
    const models = [model('future-1', 'preview' as Model['lifecycle']), ...MIXED]
    const { listPage } = createTestApp({ upstream: { models } })
    const page = await listPage({ lifecycle: 'active' })
    expect(ids(page.data)).toEqual(['future-1', 'live-1', 'live-2'])
    expect(page.data[0]!.lifecycle).toBe('preview')
  })

  it('passes the newer fields through as the upstream sent them (the current shape)', async () => {
    const { listPage } = createTestApp({ upstream: { models: DEMO_MODELS } })
    const page = await listPage({ q: 'claude-opus-4-5', lifecycle: 'deprecated' })
    expect(page.data).toEqual([DEMO_MODELS.find((entry) => entry.id === 'claude-opus-4-5-20251101')])
    expect(page.data[0]).toMatchObject({
      max_input_tokens: 200_000,
      max_tokens: 64_000,
      retires_at: expect.any(String),
    })
  })

  it('filters and searches together, with cursors inside the view', async () => {
    const { listPage } = createTestApp({ upstream: { models: MIXED } })
    const first = await listPage({ lifecycle: 'retired,active', q: '1', limit: '1' })
    expect(ids(first.data)).toEqual(['live-1'])
    const next = await listPage({ lifecycle: 'retired,active', q: '1', limit: '1', after_id: 'live-1' })
    expect(ids(next.data)).toEqual(['gone-1'])
    expect(next).toMatchObject({ offset: 1, total: 2, has_more: false })
  })

  it.each(['sunset', 'active,', 'ACTIVE', 'active;retired'])(
    'refuses lifecycle=%s with a 400 naming it',
    async (value) => {
      const { app, fake } = createTestApp({ upstream: { models: MIXED } })
      const response = await app.request(`/api/models?lifecycle=${encodeURIComponent(value)}`)
      expect(response.status).toBe(400)
      expect((await readError(response)).error.message).toContain('lifecycle')
      expect(fake.stats.requests).toEqual([])
    },
  )
})

describe('GET /api/models: sorting by token limits', () => {
  it.each([
    ['max_input_tokens', ['live-1', 'old-1', 'live-2']],
    ['-max_input_tokens', ['old-1', 'live-1', 'live-2']],
    ['max_tokens', ['live-2', 'live-1', 'old-1']],
    ['-max_tokens', ['live-1', 'live-2', 'old-1']],
  ])('sort=%s orders by the number, unknown ones last either way', async (sort, expected) => {
    expect(await idsOf({ sort })).toEqual(expected)
  })

  it('keeps the upstream order among models that all lack the number (the seed shape)', async () => {
    const { listPage } = createTestApp({ upstream: { models: DEMO_MODELS, shape: 'seed' } })
    const page = await listPage({ sort: '-max_tokens', limit: '1000' })
    expect(ids(page.data)).toEqual(ids(DEMO_MODELS))
  })
})
