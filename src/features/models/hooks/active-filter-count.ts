import type { Facets } from './use-models-search-params'

/**
 * How many filters besides the search narrow the list: a lifecycle choice other
 * than the default and each facet in use. The folded Filters button shows it, so
 * a phone never shows a filtered list without saying so.
 */
export function activeFilterCount(lifecycleIsDefault: boolean, facets: Facets): number {
  const facetsInUse = Object.values(facets).filter((value) => value !== null).length
  return (lifecycleIsDefault ? 0 : 1) + facetsInUse
}
