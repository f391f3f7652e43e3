import { Button } from '../../../components/ui/button'

export interface NoModelsProps {
  /** The search as sent. */
  query: string
  /** Any other filter is on (lifecycle stages, facets): the empty page is theirs, not the catalogue's. */
  filtered: boolean
  onClearFilter: () => void
}

/** An empty page: either the filters match nothing (and can be cleared), or the catalogue is empty. */
export function NoModels({ query, filtered, onClearFilter }: NoModelsProps) {
  if (!query && !filtered) {
    return (
      <p role="status" className="text-zinc-700 dark:text-zinc-300">
        The catalogue is empty: this key has no models.
      </p>
    )
  }
  return (
    <div role="status" className="space-y-3">
      <p className="text-zinc-700 dark:text-zinc-300">
        {query ? <>No models match &ldquo;{query}&rdquo;</> : 'No models match'}
        {filtered ? ' with the filters chosen.' : ''}
      </p>
      <Button onClick={onClearFilter}>{filtered ? 'Clear all filters' : 'Clear filter'}</Button>
    </div>
  )
}
