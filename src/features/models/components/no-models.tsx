import { Button } from '../../../components/ui/button'

/** An empty page: either the filter matches nothing (and can be cleared), or the catalogue is empty. */
export function NoModels({ query, onClearFilter }: { query: string; onClearFilter: () => void }) {
  if (!query) {
    return (
      <p role="status" className="text-zinc-700 dark:text-zinc-300">
        The catalogue is empty: this key has no models.
      </p>
    )
  }
  return (
    <div role="status" className="space-y-3">
      <p className="text-zinc-700 dark:text-zinc-300">No models match &ldquo;{query}&rdquo;</p>
      <Button onClick={onClearFilter}>Clear filter</Button>
    </div>
  )
}
