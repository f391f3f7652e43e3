import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { CachedPage } from './cached-page'
import { CatalogueSnapshot } from './catalogue-snapshot'

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

  it('keep serialized pages within their byte budget', () => {
    const budget = 1024 * 1024
    const snapshot = new CatalogueSnapshot(syntheticCatalogue(10), 0, budget)
    for (let index = 0; index < 100; index += 1)
      snapshot.responses.set(`page-${index}`, new CachedPage('x'.repeat(50_000), `"${index}"`))
    expect(snapshot.responses.bytes).toBeLessThanOrEqual(budget / 2)
    expect(snapshot.responses.get('page-99')).toBeDefined()
    expect(snapshot.responses.get('page-0')).toBeUndefined()
  })
})
