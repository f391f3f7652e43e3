import { Button } from '../../../components/ui/button'
import { MAX_COMPARED } from '../hooks/compared-ids'

/** The comparison's id: where "Compare (N)" takes focus. */
export const COMPARE_ID = 'compare-models'

export interface CompareBarProps {
  compared: readonly string[]
  onClear: () => void
}

/**
 * Stays at the bottom of the screen while models are chosen with the rows' Compare boxes: how many, a
 * button to the comparison (from two), and Clear. The choice itself is the URL's `compare`.
 */
export function CompareBar({ compared, onClear }: CompareBarProps) {
  if (compared.length === 0) return null
  const ready = compared.length >= 2
  function show() {
    const comparison = document.getElementById(COMPARE_ID)
    comparison?.focus()
    comparison?.scrollIntoView?.({ block: 'start' })
  }
  return (
    <div
      role="region"
      aria-label="Models chosen to compare"
      className="sticky bottom-2 z-20 flex flex-wrap items-center gap-2 self-center rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <span className="text-zinc-700 dark:text-zinc-300">
        {ready
          ? `${compared.length} of at most ${MAX_COMPARED} models chosen.`
          : `1 model chosen: choose another to compare (2 to ${MAX_COMPARED}).`}
      </span>
      <Button variant="primary" disabled={!ready} onClick={show}>
        Compare ({compared.length})
      </Button>
      <Button onClick={onClear}>Clear</Button>
    </div>
  )
}
