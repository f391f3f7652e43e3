import type { Lifecycle, SortValue } from '../contract/list-params'
import type { Model } from '../contract/model'
import { lifecycleOf } from '../server/catalogue/lifecycle-of'
import { type ModelFilters, modelFilter } from '../server/catalogue/model-filters'
import { sortModels } from '../server/catalogue/sort-order'

/**
 * A view as the snapshot built it before its index, all in one go: the
 * stable sort, the stages (retired models last), the search, the filters.
 * What the indexed views must equal, model for model.
 */
export function oneGoView(
  models: readonly Model[],
  view: { q?: string; sort?: SortValue; lifecycles: readonly Lifecycle[]; filters?: ModelFilters; now?: number },
): Model[] {
  const shown = sortModels(models, view.sort).filter((model) => view.lifecycles.includes(lifecycleOf(model)))
  const staged = [
    ...shown.filter((model) => lifecycleOf(model) !== 'retired'),
    ...shown.filter((model) => lifecycleOf(model) === 'retired'),
  ]
  const terms = (view.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const keep = modelFilter(view.filters ?? {}, view.now ?? 0) ?? (() => true)
  return staged.filter(
    (model) => terms.every((term) => `${model.id}\n${model.display_name}`.toLowerCase().includes(term)) && keep(model),
  )
}
