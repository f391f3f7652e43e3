import { Button } from '../../../components/ui/button'

const BOX =
  'rounded-lg border border-zinc-200 bg-white px-3 py-10 text-center text-sm break-words dark:border-zinc-800 dark:bg-zinc-900'

/**
 * An empty page, in place of the table and the cards: either the filter matches
 * nothing (and can be cleared), or the catalogue is empty. It wraps at any width.
 */
export function NoModels({ query, onClearFilter }: { query: string; onClearFilter: () => void }) {
  if (!query) {
    return (
      <p role="status" className={`${BOX} text-zinc-700 dark:text-zinc-300`}>
        The catalogue is empty: this key has no models.
      </p>
    )
  }
  return (
    <div role="status" className={`${BOX} space-y-3`}>
      <p className="text-zinc-700 dark:text-zinc-300">No models match &ldquo;{query}&rdquo;</p>
      <Button onClick={onClearFilter}>Clear filter</Button>
    </div>
  )
}
