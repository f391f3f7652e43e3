import type { Model } from '../../contract/model'
import { DEFAULT_LIFECYCLES, type Lifecycle, type SortValue } from '../../contract/list-params'
import type { CachedPage } from './cached-page'
import { LruMap } from './lru-map'
import { filtersKey, type ModelFilters, modelFilter } from './model-filters'
import { SearchIndex } from './search-index'
import { sortModels } from './sort-order'

/** The models (or rows about models) of one view, a filter and a sort over the catalogue, with positions by id. */
export class CatalogueView<T extends { id: string } = Model> {
  #positions: Map<string, number> | undefined

  constructor(readonly models: readonly T[]) {}

  /** The 0-based position of a model in this view, or -1 when it is not in it. */
  positionOf(id: string): number {
    this.#positions ??= new Map(this.models.map((model, index) => [model.id, index]))
    return this.#positions.get(id) ?? -1
  }
}

/** A model from an upstream that does not report lifecycles (the seed's shape), or reports a stage unknown here, counts as active. */
export function lifecycleOf(model: Model): Lifecycle {
  const stage = model.lifecycle
  return stage === 'deprecated' || stage === 'retired' ? stage : 'active'
}

const VIEW_CACHE_SIZE = 128
const PAGE_CACHE_SIZE = 512
/** CACHE_BUDGET_MB's default: the derived caches of one snapshot, views and pages together. */
export const DEFAULT_SNAPSHOT_CACHE_BYTES = 64 * 1024 * 1024
// A view holds a reference per model (8 bytes) and, once asked for a position, a Map entry per model (~72).
const VIEW_BYTES_PER_MODEL = 80
const ENTRY_OVERHEAD_BYTES = 1_024

/** What a view costs in memory, estimated from its length: a view of 100k models is ~8 MB, one of 3 a few hundred bytes. */
export function viewBytes<T extends { id: string }>(view: CatalogueView<T>): number {
  return ENTRY_OVERHEAD_BYTES + view.models.length * VIEW_BYTES_PER_MODEL
}
// The body as a string (up to 2 bytes a character), as UTF-8 and gzipped, plus its headers; and, for a first
// page of the default workspace, the HTML page rendered from it (index-page.ts keeps it as long as the page lives):
// the body again, its rows as markup and the page around it.
const PAGE_HTML_BYTES = 16 * 1024
const pageBytes = (page: CachedPage) => ENTRY_OVERHEAD_BYTES + PAGE_HTML_BYTES + page.body.length * 6
// An order is an array of references (8 bytes each) and the positions as an Int32Array (4 each).
const orderBytes = (order: { models: readonly Model[]; indices: Int32Array }) =>
  ENTRY_OVERHEAD_BYTES + order.models.length * 8 + order.indices.byteLength
const stagedBytes = (staged: Int32Array) => ENTRY_OVERHEAD_BYTES + staged.byteLength

let generations = 0

/**
 * One walk's worth of catalogue, immutable. Everything derived from it (sorted
 * orders, filtered views, serialized pages) is cached here, so it is computed
 * once per snapshot and dropped with it.
 */
export class CatalogueSnapshot {
  readonly generation = ++generations
  /**
   * Each sort order, with the models' positions in the upstream's order, which the search index speaks in; and
   * each restricted to some lifecycle stages, retired models last. Their keys are few (sorts × stages), but at
   * 100k models they would add up to ~150 MB: bounded by bytes too, a forgotten one sorted again when asked.
   */
  readonly #sorted: LruMap<SortValue | '', { models: readonly Model[]; indices: Int32Array }>
  readonly #staged: LruMap<string, Int32Array>
  // Views and pages are bounded by bytes, not only by count: each distinct q= of a visitor makes one.
  readonly #views: LruMap<string, CatalogueView>
  #byId: Map<string, Model> | undefined
  #search: SearchIndex | undefined
  /** Serialized answers, keyed by everything that goes into one; used by the route. */
  readonly responses: LruMap<string, CachedPage>

  constructor(
    readonly models: readonly Model[],
    readonly fetchedAt: number,
    cacheBytes = DEFAULT_SNAPSHOT_CACHE_BYTES,
  ) {
    // Views and pages 3/8 each, so a burst of distinct searches cannot push every page out, nor the reverse;
    // the sort orders a quarter, for the views to be built from.
    this.#views = new LruMap<string, CatalogueView>({
      maxEntries: VIEW_CACHE_SIZE,
      maxBytes: (cacheBytes * 3) / 8,
      sizeOf: viewBytes,
    })
    this.responses = new LruMap<string, CachedPage>({
      maxEntries: PAGE_CACHE_SIZE,
      maxBytes: (cacheBytes * 3) / 8,
      sizeOf: pageBytes,
    })
    this.#sorted = new LruMap({ maxBytes: cacheBytes / 8, sizeOf: orderBytes })
    this.#staged = new LruMap({ maxBytes: cacheBytes / 8, sizeOf: stagedBytes })
  }

  /** The bytes its derived caches hold, as estimated; never more than the budget it was given. */
  get cachedBytes(): number {
    return this.#views.bytes + this.responses.bytes + this.#sorted.bytes + this.#staged.bytes
  }

  /** The model with this exact id (not an alias), if the catalogue lists it. */
  model(id: string): Model | undefined {
    this.#byId ??= new Map(this.models.map((model) => [model.id, model]))
    return this.#byId.get(id)
  }

  view(
    q: string | undefined,
    sort: SortValue | undefined,
    lifecycles: readonly Lifecycle[] = DEFAULT_LIFECYCLES,
    filters: ModelFilters = {},
  ): CatalogueView {
    const terms = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const key = `${sort ?? ''}\u0000${lifecycles.join(',')}\u0000${terms.join(' ')}\u0000${filtersKey(filters)}`
    return this.#views.getOrCreate(key, () => {
      const order = this.#stagedBy(sort, lifecycles)
      // Built on the first filter, so a snapshot nobody searches does not pay for it.
      if (terms.length > 0) this.#search ??= new SearchIndex(this.models)
      const indices = terms.length > 0 ? this.#search!.filter(order, terms) : order
      const models = Array.from(indices, (index) => this.models[index]!)
      // "Retiring within" counts from the snapshot's time, so a view stays the same while its snapshot does.
      const keep = modelFilter(filters, this.fetchedAt)
      return new CatalogueView(keep ? models.filter(keep) : models)
    })
  }

  /** A sort order with only the models in `lifecycles`; retired ones after the others, each keeping the order. */
  #stagedBy(sort: SortValue | undefined, lifecycles: readonly Lifecycle[]): Int32Array {
    const key = `${sort ?? ''}\u0000${lifecycles.join(',')}`
    let staged = this.#staged.get(key)
    if (!staged) {
      const { indices } = this.#sortedBy(sort)
      const shown = new Set<string>(lifecycles)
      const live: number[] = []
      const retired: number[] = []
      for (const index of indices) {
        const stage = lifecycleOf(this.models[index]!)
        if (shown.has(stage)) (stage === 'retired' ? retired : live).push(index)
      }
      staged = Int32Array.from([...live, ...retired])
      this.#staged.set(key, staged)
    }
    return staged
  }

  #sortedBy(sort: SortValue | undefined) {
    const key = sort ?? ''
    let ordered = this.#sorted.get(key)
    if (!ordered) {
      const models = sortModels(this.models, sort)
      ordered = { models, indices: this.#upstreamIndices(models) }
      this.#sorted.set(key, ordered)
    }
    return ordered
  }

  #upstreamIndices(ordered: readonly Model[]): Int32Array {
    if (ordered === this.models) return Int32Array.from(ordered.keys())
    const upstreamIndex = new Map(this.models.map((model, index) => [model, index]))
    return Int32Array.from(ordered, (model) => upstreamIndex.get(model)!)
  }
}
