import type { Model } from '../../contract/model'
import type { SortValue } from '../../contract/list-params'
import type { CachedPage } from '../cached-page'
import { LruMap } from './lru-map'
import { sortModels } from './sort-order'

/** The models of one view (a filter and a sort over the catalogue), with positions by id. */
export class CatalogueView {
  #positions: Map<string, number> | undefined

  constructor(readonly models: readonly Model[]) {}

  /** The 0-based position of a model in this view, or -1 when it is not in it. */
  positionOf(id: string): number {
    this.#positions ??= new Map(this.models.map((model, index) => [model.id, index]))
    return this.#positions.get(id) ?? -1
  }
}

const VIEW_CACHE_SIZE = 128
let generations = 0

/**
 * One walk's worth of catalogue, immutable. Everything derived from it (sorted
 * orders, filtered views, serialized pages) is cached here, so it is computed
 * once per snapshot and dropped with it.
 */
export class CatalogueSnapshot {
  readonly generation = ++generations
  readonly #searchText: Map<Model, string>
  readonly #sorted = new Map<SortValue | '', readonly Model[]>()
  readonly #views = new LruMap<string, CatalogueView>(VIEW_CACHE_SIZE)
  /** Serialized answers, keyed by everything that goes into one; used by the route. */
  readonly responses = new LruMap<string, CachedPage>(512)

  constructor(
    readonly models: readonly Model[],
    readonly fetchedAt: number,
  ) {
    this.#searchText = new Map(models.map((model) => [model, `${model.id}\n${model.display_name}`.toLowerCase()]))
  }

  view(q: string | undefined, sort: SortValue | undefined): CatalogueView {
    const terms = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    return this.#views.getOrCreate(`${sort ?? ''}\u0000${terms.join(' ')}`, () => {
      const ordered = this.#sortedBy(sort)
      if (terms.length === 0) return new CatalogueView(ordered)
      return new CatalogueView(
        ordered.filter((model) => {
          const text = this.#searchText.get(model)!
          return terms.every((term) => text.includes(term))
        }),
      )
    })
  }

  #sortedBy(sort: SortValue | undefined): readonly Model[] {
    const key = sort ?? ''
    let ordered = this.#sorted.get(key)
    if (!ordered) {
      ordered = sortModels(this.models, sort)
      this.#sorted.set(key, ordered)
    }
    return ordered
  }
}
