import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { CachedPage } from './cached-page'
import { type Lifecycle, SORT_VALUES } from '../../contract/list-params'
import type { Model } from '../../contract/model'
import { CatalogueSnapshot } from './catalogue-snapshot'
import { lifecycleOf } from './lifecycle-of'
import type { ModelFilters } from './model-filters'
import { oneGoView } from '../../testing/one-go-view'
import { sortModels } from './sort-order'

describe('the caches of a snapshot', () => {
  it('keep views within their byte budget however many distinct searches come, and still answer each', async () => {
    const models = syntheticCatalogue(20_000)
    // The index of 20k models (~4 MB) comes first; the views get 3/8 of what is left.
    const budget = 8 * 1024 * 1024
    const snapshot = new CatalogueSnapshot(models, 0, budget)
    for (let index = 0; index < 300; index += 1) {
      // Matches most of the catalogue: every view is large.
      const view = await snapshot.view(`${index % 10}`, undefined)
      expect(view.models.length).toBeGreaterThan(0)
      expect(snapshot.cachedBytes).toBeLessThanOrEqual(budget)
    }
    // The latest search is still cached: asked again, it is the same view.
    expect(await snapshot.view('9', undefined)).toBe(await snapshot.view('9', undefined))
  })

  it('keep sort orders and their lifecycle cuts within the budget too, and still sort each right', async () => {
    const models = syntheticCatalogue(20_000)
    const budget = 6 * 1024 * 1024
    const snapshot = new CatalogueSnapshot(models, 0, budget)
    const sorts = [undefined, 'id', '-id', 'display_name', '-display_name', 'created_at', '-created_at'] as const
    const stages = [['active'], ['deprecated'], ['retired'], ['active', 'retired'], ['active', 'deprecated', 'retired']]
    for (const sort of sorts) {
      for (const lifecycles of stages) {
        const view = await snapshot.view(undefined, sort, lifecycles as Lifecycle[])
        expect(view.models.every((model) => lifecycles.includes(lifecycleOf(model)))).toBe(true)
        expect(snapshot.cachedBytes).toBeLessThanOrEqual(budget)
      }
    }
    // Asked again after the budget forgot it, an order is sorted again, the same.
    const sorted = sortModels(models, 'id')
    const expected = [
      ...sorted.filter((model) => lifecycleOf(model) !== 'retired'),
      ...sorted.filter((model) => lifecycleOf(model) === 'retired'),
    ]
    expect((await snapshot.view(undefined, 'id', ['active', 'deprecated', 'retired'])).models).toEqual(expected)
  })

  it('keep serialized pages within their byte budget', () => {
    const budget = 1024 * 1024
    const snapshot = new CatalogueSnapshot(syntheticCatalogue(10), 0, budget)
    for (let index = 0; index < 100; index += 1)
      snapshot.responses.set(`page-${index}`, new CachedPage('x'.repeat(50_000), `"${index}"`))
    expect(snapshot.responses.bytes).toBeLessThanOrEqual((budget * 3) / 8)
    expect(snapshot.responses.get('page-99')).toBeDefined()
    expect(snapshot.responses.get('page-0')).toBeUndefined()
  })
})

describe('the views of a snapshot, from its index', () => {
  // Every 7th model retired, so the stages reorder the views.
  const models = syntheticCatalogue(2_000).map((model, index) =>
    index % 7 === 3 ? { ...model, lifecycle: 'retired' } : model,
  ) as Model[]
  const snapshot = new CatalogueSnapshot(models, 0)
  const stageSets: Lifecycle[][] = [['active', 'deprecated'], ['retired'], ['active', 'deprecated', 'retired']]
  const queries = ['', 'sonnet', 'opus 1', 'SYNTHETIC haiku 2', 'nothing-like-it']
  const filterSets: ModelFilters[] = [{}, { caps: ['batch'] }, { line: ['opus', 'none'], min_context: 500_000 }]

  it.each([undefined, ...SORT_VALUES])(
    'are the one-go views for sort %s, every stage set, search and filter',
    async (sort) => {
      for (const lifecycles of stageSets) {
        for (const q of queries) {
          for (const filters of filterSets) {
            const view = await snapshot.view(q, sort, lifecycles, filters)
            const expected = oneGoView(models, { q, sort, lifecycles, filters })
            expect(view.models.map((model) => model.id)).toEqual(expected.map((model) => model.id))
          }
        }
      }
    },
  )

  it('find every model of a view at its position, and no other model', async () => {
    const view = await snapshot.view('sonnet', '-max_tokens', ['active', 'retired'], {})
    view.models.forEach((model, position) => expect(view.positionOf(model.id)).toBe(position))
    const outside = models.filter((model) => !view.models.includes(model))
    expect(outside.length).toBeGreaterThan(0)
    for (const model of outside) expect(view.positionOf(model.id)).toBe(-1)
    expect(view.positionOf('not-a-model')).toBe(-1)
  })

  it('are built once for requests that ask for the same view at once', async () => {
    const fresh = new CatalogueSnapshot(models, 0)
    const [first, second] = await Promise.all([fresh.view('opus', 'id'), fresh.view('opus', 'id')])
    expect(first).toBe(second)
  })

  it('count the index in the budget: the caches share what it leaves', () => {
    const budget = 8 * 1024 * 1024
    const large = new CatalogueSnapshot(syntheticCatalogue(20_000), 0, budget)
    // Before any view, the snapshot holds its index: ~170 bytes a model.
    expect(large.cachedBytes).toBeGreaterThan(20_000 * 150)
    expect(large.cachedBytes).toBeLessThan(20_000 * 300)
  })
})
