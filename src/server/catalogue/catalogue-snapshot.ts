import type { Model } from '../../contract/model'
import { DEFAULT_LIFECYCLES, LIFECYCLES, type Lifecycle, parseSort, type SortValue } from '../../contract/list-params'
import { runInSteps, StepCounter, type Steps } from '../work-in-steps'
import type { CachedPage } from './cached-page'
import { type CatalogueIndex, catalogueIndexOf, PREPARATION_STEP, RETIRED } from './catalogue-index'
import { LruMap } from './lru-map'
import { filtersKey, type ModelFilters, modelFilter } from './model-filters'
import { countingOrderSteps, rankBucket } from './sort-ranks'

/** The models (or rows about models) of one view, a filter and a sort over the catalogue, with positions by id. */
export class CatalogueView<T extends { id: string } = Model> {
  #positions: Map<string, number> | undefined

  /**
   * `locate` finds an id's position without a Map of the view's own (a
   * snapshot's views, from its index); without it a Map is built when first asked.
   */
  constructor(
    readonly models: readonly T[],
    private readonly locate?: (id: string) => number,
  ) {}

  /** The 0-based position of a model in this view, or -1 when it is not in it. */
  positionOf(id: string): number {
    if (this.locate) return this.locate(id)
    this.#positions ??= new Map(this.models.map((model, index) => [model.id, index]))
    return this.#positions.get(id) ?? -1
  }

  /** A reference per model (8 bytes), and a Map entry (~72) or, located by the index, a position (4). */
  get bytesPerModel(): number {
    return this.locate ? 12 : 80
  }
}

const VIEW_CACHE_SIZE = 128
const PAGE_CACHE_SIZE = 512
/** CACHE_BUDGET_MB's default: the derived caches of one snapshot, views and pages together. */
export const DEFAULT_SNAPSHOT_CACHE_BYTES = 64 * 1024 * 1024
const ENTRY_OVERHEAD_BYTES = 1_024
// Positions scanned between two looks at the clock: a few hundred microseconds even with every filter.
const SCAN_BLOCK = 1_024

/** What a view costs in memory, estimated from its length: a view of 100k models is ~1.2 MB (~8 MB with a Map), one of 3 a few hundred bytes. */
export function viewBytes<T extends { id: string }>(view: CatalogueView<T>): number {
  return ENTRY_OVERHEAD_BYTES + view.models.length * view.bytesPerModel
}
// The body as a string (up to 2 bytes a character), as UTF-8 and gzipped, plus its headers; and, for a first
// page of the default workspace, the HTML page rendered from it (index-page.ts keeps it as long as the page lives):
// the body again, its rows as markup and the page around it.
const PAGE_HTML_BYTES = 16 * 1024
const pageBytes = (page: CachedPage) => ENTRY_OVERHEAD_BYTES + PAGE_HTML_BYTES + page.body.length * 6

/**
 * A sort's order over every stage, retired models last (each part keeping
 * the sort's order), and each model's position in it. Every view with that
 * sort is a subsequence of it, so a view finds a model by binary search.
 */
interface StagedOrder {
  order: Int32Array
  positions: Int32Array
}
// Two Int32Arrays of the catalogue's length.
const orderBytes = (staged: StagedOrder) => ENTRY_OVERHEAD_BYTES + staged.order.byteLength * 2

/** The staged order of a sort (the upstream's order without one): one counting sort, the retired models' buckets after all others. */
function stagedOrderSteps(index: CatalogueIndex, sort: SortValue | undefined, work: StepCounter): Steps<StagedOrder> {
  const { stages } = index
  const count = stages.length
  if (!sort) return countingOrderSteps(count, 2, (model) => (stages[model] === RETIRED ? 1 : 0), work)
  const { key, descending } = parseSort(sort)
  const ranks = index.ranks.get(key)!
  const bucketOf = rankBucket(ranks, descending)
  const buckets = ranks.distinct + 1
  const staged = (model: number) => bucketOf(model) + (stages[model] === RETIRED ? buckets : 0)
  return countingOrderSteps(count, 2 * buckets, staged, work)
}

const stageMask = (lifecycles: readonly Lifecycle[]) =>
  LIFECYCLES.reduce((mask, stage, code) => (lifecycles.includes(stage) ? mask | (1 << code) : mask), 0)

let generations = 0

/**
 * One walk's worth of catalogue, immutable, with its index (prepared before it
 * is installed: see catalogue-index.ts). Everything derived from it (sort
 * orders, filtered views, serialized pages) is cached here, so it is computed
 * once per snapshot and dropped with it.
 */
export class CatalogueSnapshot {
  readonly generation = ++generations
  /** What every query of it needs (see catalogue-index.ts); the next snapshot takes it over when it would be the same. */
  readonly index: CatalogueIndex
  /**
   * Each sort's staged order: 8 bytes a model, so at 100k models the sixteen
   * sorts would hold ~13 MB; bounded by bytes, a forgotten one counted out
   * again from the index's ranks when asked (~2 ms at 100k).
   */
  readonly #orders: LruMap<string, StagedOrder>
  // Views and pages are bounded by bytes, not only by count: each distinct q= of a visitor makes one.
  readonly #views: LruMap<string, CatalogueView>
  // A view being built, so that requests asking for it at once share the work.
  readonly #building = new Map<string, Promise<CatalogueView>>()
  /** Serialized answers, keyed by everything that goes into one; used by the route. */
  readonly responses: LruMap<string, CachedPage>

  /**
   * `cacheBytes` holds the index first (it is what keeps every query short,
   * and is never dropped), then the caches share what is left. `index` is
   * built here, in one go, when not given: for small catalogues and tests.
   */
  constructor(
    readonly models: readonly Model[],
    readonly fetchedAt: number,
    cacheBytes = DEFAULT_SNAPSHOT_CACHE_BYTES,
    index: CatalogueIndex = catalogueIndexOf(models),
  ) {
    this.index = index
    const rest = Math.max(0, cacheBytes - index.bytes)
    // Views and pages 3/8 each, so a burst of distinct searches cannot push every page out, nor the reverse;
    // the sort orders a quarter, for the views to be built from.
    this.#views = new LruMap<string, CatalogueView>({
      maxEntries: VIEW_CACHE_SIZE,
      maxBytes: (rest * 3) / 8,
      sizeOf: viewBytes,
    })
    this.responses = new LruMap<string, CachedPage>({
      maxEntries: PAGE_CACHE_SIZE,
      maxBytes: (rest * 3) / 8,
      sizeOf: pageBytes,
    })
    this.#orders = new LruMap({ maxBytes: rest / 4, sizeOf: orderBytes })
  }

  /** The bytes its index and derived caches hold, as estimated: within the budget it was given, or the index alone when that is more. */
  get cachedBytes(): number {
    return this.index.bytes + this.#views.bytes + this.responses.bytes + this.#orders.bytes
  }

  /** The model with this exact id (not an alias), if the catalogue lists it. */
  model(id: string): Model | undefined {
    const index = this.index.byId.get(id)
    return index === undefined ? undefined : this.models[index]
  }

  /**
   * The view of a search, sort, stages and filters, from the cache or built
   * from the index in steps of a few ms (a scan of 100k models with every
   * filter takes ~30 ms), the event loop free between them.
   */
  async view(
    q: string | undefined,
    sort: SortValue | undefined,
    lifecycles: readonly Lifecycle[] = DEFAULT_LIFECYCLES,
    filters: ModelFilters = {},
  ): Promise<CatalogueView> {
    const terms = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const key = `${sort ?? ''}\u0000${lifecycles.join(',')}\u0000${terms.join(' ')}\u0000${filtersKey(filters)}`
    const cached = this.#views.get(key)
    if (cached) return cached
    let building = this.#building.get(key)
    if (!building) {
      const steps = this.#viewSteps(terms, sort, lifecycles, filters, new StepCounter(undefined, PREPARATION_STEP))
      building = runInSteps(steps).finally(() => this.#building.delete(key))
      this.#building.set(key, building)
      this.#views.set(key, await building)
    }
    return building
  }

  *#viewSteps(
    terms: readonly string[],
    sort: SortValue | undefined,
    lifecycles: readonly Lifecycle[],
    filters: ModelFilters,
    work: StepCounter,
  ): Steps<CatalogueView> {
    const { order, positions } = yield* this.#stagedOrderSteps(sort, work)
    const stages = this.index.stages
    const shown = stageMask(lifecycles)
    const matches = terms.length > 0 ? this.index.search.matcher(terms) : null
    // "Retiring within" counts from the snapshot's time, so a view stays the same while its snapshot does.
    const keep = modelFilter(filters, this.fetchedAt)
    const found = new Int32Array(order.length)
    let count = 0
    for (let start = 0; start < order.length; start += SCAN_BLOCK) {
      const end = Math.min(start + SCAN_BLOCK, order.length)
      for (let position = start; position < end; position += 1) {
        const index = order[position]!
        if ((shown & (1 << stages[index]!)) === 0) continue
        if (matches && !matches(index)) continue
        if (keep && !keep(this.models[index]!)) continue
        found[count++] = index
      }
      if (work.tick(end - start)) yield work.take()
    }
    const indices = found.slice(0, count)
    const models = new Array<Model>(count)
    for (let start = 0; start < count; start += SCAN_BLOCK) {
      const end = Math.min(start + SCAN_BLOCK, count)
      for (let position = start; position < end; position += 1) models[position] = this.models[indices[position]!]!
      if (work.tick(end - start)) yield work.take()
    }
    const byId = this.index.byId
    // The view is in the staged order: its models' positions there grow, so an id is found by binary search.
    const locate = (id: string) => {
      const index = byId.get(id)
      if (index === undefined) return -1
      const target = positions[index]!
      let low = 0
      let high = indices.length - 1
      while (low <= high) {
        const middle = (low + high) >>> 1
        const at = positions[indices[middle]!]!
        if (at === target) return middle
        if (at < target) low = middle + 1
        else high = middle - 1
      }
      return -1
    }
    return new CatalogueView(models, locate)
  }

  *#stagedOrderSteps(sort: SortValue | undefined, work: StepCounter): Steps<StagedOrder> {
    const key = sort ?? ''
    let staged = this.#orders.get(key)
    if (!staged) {
      staged = yield* stagedOrderSteps(this.index, sort, work)
      this.#orders.set(key, staged)
    }
    return staged
  }
}
