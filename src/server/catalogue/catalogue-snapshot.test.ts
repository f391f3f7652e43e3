import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { CachedPage } from './cached-page'
import type { Lifecycle } from '../../contract/list-params'
import { CatalogueSnapshot, lifecycleOf } from './catalogue-snapshot'
import { sortModels } from './sort-order'

describe('the caches of a snapshot', () => {
  it('keep views within their byte budget however many distinct searches come, and still answer each', () => {
    const models = syntheticCatalogue(20_000)
    const budget = 4 * 1024 * 1024
    const snapshot = new CatalogueSnapshot(models, 0, budget)
    for (let index = 0; index < 300; index += 1) {
      // Matches most of the catalogue: every view is large.
      const view = snapshot.view(`${index % 10}`, undefined)
      expect(view.models.length).toBeGreaterThan(0)
      expect(snapshot.cachedBytes).toBeLessThanOrEqual(budget)
    }
    // The latest search is still cached: asked again, it is the same view.
    expect(snapshot.view('9', undefined)).toBe(snapshot.view('9', undefined))
  })

  it('keep sort orders and their lifecycle cuts within the budget too, and still sort each right', () => {
    const models = syntheticCatalogue(20_000)
    const budget = 2 * 1024 * 1024
    const snapshot = new CatalogueSnapshot(models, 0, budget)
    const sorts = [undefined, 'id', '-id', 'display_name', '-display_name', 'created_at', '-created_at'] as const
    const stages = [['active'], ['deprecated'], ['retired'], ['active', 'retired'], ['active', 'deprecated', 'retired']]
    for (const sort of sorts) {
      for (const lifecycles of stages) {
        const view = snapshot.view(undefined, sort, lifecycles as Lifecycle[])
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
    expect(snapshot.view(undefined, 'id', ['active', 'deprecated', 'retired']).models).toEqual(expected)
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
