import { describe, expect, it } from 'vitest'
import { type Lifecycle, SORT_VALUES, type SortValue } from '../../contract/list-params'
import type { Health, Model, ModelPage } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { oneGoView } from '../../testing/one-go-view'
import { createTestApp, TEST_CONFIG } from '../../testing/test-app'

// Retired models (every 9th) and collator ties ("Opus 2" / "opus 2" / "Ópus 2"), so stages and ties both show.
const CATALOGUE = syntheticCatalogue(1_200).map((model, index) => ({
  ...model,
  ...(index % 9 === 4 ? { lifecycle: 'retired' } : {}),
  ...(index % 5 === 0 ? { display_name: ['Opus 2', 'opus 2', 'Ópus 2', 'Opus 10'][index % 4]! } : {}),
})) as Model[]

const ids = (models: readonly { id: string }[]) => models.map((model) => model.id)

describe('GET /api/models answers from the prepared index as it did from the one-go sort', () => {
  const { listPage } = createTestApp({ upstream: { models: CATALOGUE } })
  const STAGES: Record<string, Lifecycle[]> = {
    default: ['active', 'deprecated'],
    'active,deprecated,retired': ['active', 'deprecated', 'retired'],
  }

  it.each([undefined, ...SORT_VALUES])('sort %s: the whole view, every stage set and search', async (sort) => {
    for (const [lifecycle, lifecycles] of Object.entries(STAGES)) {
      for (const q of ['', 'opus 2', 'synthetic sonnet']) {
        const search: Record<string, string> = { limit: '1000' }
        if (sort) search.sort = sort
        if (q) search.q = q
        if (lifecycle !== 'default') search.lifecycle = lifecycle
        const expected = oneGoView(CATALOGUE, { q, sort: sort as SortValue | undefined, lifecycles })
        const first = await listPage(search)
        const rest = first.has_more ? await listPage({ ...search, after_id: first.last_id! }) : null
        expect([...ids(first.data), ...ids(rest?.data ?? [])]).toEqual(ids(expected))
        expect(first.total).toBe(expected.length)
      }
    }
  })

  it('keeps the cursors: after_id and before_id give the neighbours in the view, with offset and has_more', async () => {
    const expected = ids(oneGoView(CATALOGUE, { sort: '-display_name', lifecycles: STAGES.default! }))
    const middle = expected[500]!
    const after = await listPage({ sort: '-display_name', limit: '7', after_id: middle })
    expect(ids(after.data)).toEqual(expected.slice(501, 508))
    expect(after).toMatchObject({ offset: 501, has_more: true, total: expected.length })
    const before = await listPage({ sort: '-display_name', limit: '7', before_id: middle })
    expect(ids(before.data)).toEqual(expected.slice(493, 500))
    expect(before).toMatchObject({ offset: 493, has_more: true })
  })

  it('refuses a cursor the view does not hold, as before', async () => {
    const retired = CATALOGUE.find((model) => model.lifecycle === 'retired')!
    const response = await createTestApp({ upstream: { models: CATALOGUE } }).app.request(
      `/api/models?after_id=${encodeURIComponent(retired.id)}`,
    )
    expect(response.status).toBe(400)
  })
})

describe('while a new catalogue is being prepared', () => {
  it('the list and health answer from the old one, with its freshness, until the new one is installed whole', async () => {
    const OLD = syntheticCatalogue(40)
    const LARGE = syntheticCatalogue(12_000)
    const { app, fake, clock, listPage } = createTestApp({ upstream: { models: OLD } })
    const first = await listPage()
    fake.setModels(LARGE)
    clock.advance(TEST_CONFIG.ttlSeconds * 1000)
    const health = async () => ((await (await app.request('/api/health')).json()) as Health).catalogue
    // The first request after the TTL is answered from the old snapshot, marked stale, and starts the walk.
    const due = await listPage()
    expect(due).toMatchObject({ total: OLD.length, fetched_at: first.fetched_at, stale: true, refresh_error: null })
    let answeredMeanwhile = 0
    while ((await health()).walking_for_seconds !== null) {
      const meanwhile: ModelPage = await listPage({ sort: 'id' })
      expect(meanwhile).toMatchObject({
        total: OLD.length,
        fetched_at: first.fetched_at,
        stale: true,
        refresh_error: null,
      })
      answeredMeanwhile += 1
      // app.request of a cached page never leaves the microtask queue: real requests come between loop turns.
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(answeredMeanwhile).toBeGreaterThan(0)
    const after = await listPage({ sort: 'id' })
    expect(after).toMatchObject({ total: LARGE.length, stale: false, refresh_error: null })
    expect(ids(after.data)).toEqual(
      ids(oneGoView(LARGE, { sort: 'id', lifecycles: ['active', 'deprecated'] })).slice(0, 20),
    )
  })
})
