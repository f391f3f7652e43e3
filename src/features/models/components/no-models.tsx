import { Button } from '../../../components/ui/button'

const BOX =
  'rounded-lg border border-zinc-200 bg-white px-3 py-10 text-center text-sm break-words dark:border-zinc-800 dark:bg-zinc-900'

export interface NoModelsProps {
  /** The search as sent. */
  query: string
  /** Any other filter is on (lifecycle stages, facets): the empty page is theirs, not the catalogue's. */
  filtered: boolean
  onClearFilter: () => void
}

/**
 * An empty page, in place of the table and the cards: either the filters match
 * nothing (and can be cleared), or the catalogue is empty. It wraps at any width.
 */
export function NoModels({ query, filtered, onClearFilter }: NoModelsProps) {
  if (!query && !filtered) {
    return (
      <p role="status" className={`${BOX} text-zinc-700 dark:text-zinc-300`}>
        The catalogue is empty: this key has no models.
      </p>
    )
  }
  return (
    <div role="status" className={`${BOX} space-y-3`}>
      <p className="text-zinc-700 dark:text-zinc-300">
        {query ? <>No models match &ldquo;{query}&rdquo;</> : 'No models match'}
        {filtered ? ' with the filters chosen.' : ''}
      </p>
      <Button onClick={onClearFilter}>{filtered ? 'Clear all filters' : 'Clear filter'}</Button>
    </div>
  )
}
