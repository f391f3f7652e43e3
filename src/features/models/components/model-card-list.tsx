import type { ModelsTable } from '../hooks/use-models-table'
import { ModelCard } from './model-card'
import { modelRowProps } from './model-row-memo'
import { MODELS_CARDS_ID } from './skip-to-table'

export interface ModelCardListProps {
  table: ModelsTable
  /** Nothing to show yet: placeholder cards hold the space. */
  isLoading: boolean
  /** Cards are on screen but the ones asked for are on their way. */
  isBusy: boolean
  /** The rows on screen are the last page's while the one asked for is drawn (a render of its own): busy, not dimmed. */
  isDrawing?: boolean
  skeletonCards: number
}

/**
 * The page's models as a list of cards, below the `sm` breakpoint, where the
 * table (DataTable) is hidden: the same rows, read top to bottom with nothing
 * off to the side. Both are in the server's HTML and CSS picks one, so the page
 * does not change when it hydrates.
 */
export function ModelCardList({ table, isLoading, isBusy, isDrawing = false, skeletonCards }: ModelCardListProps) {
  const rows = table.getRowModel().rows
  return (
    // Focusable by script only: the skip link's target on a phone.
    <div id={MODELS_CARDS_ID} tabIndex={-1} className="outline-none sm:hidden">
      <ul
        aria-label="Models"
        aria-busy={isLoading || isBusy || isDrawing}
        className={`flex flex-col gap-2 transition-opacity ${isBusy ? 'opacity-60' : ''}`}
      >
        {isLoading
          ? Array.from({ length: skeletonCards }, (_, index) => <SkeletonCard key={index} />)
          : rows.map((row) => (
              <li key={row.id}>
                <ModelCard {...modelRowProps(table, row)} />
              </li>
            ))}
      </ul>
    </div>
  )
}

/** A card's outline while its model loads, of about a real card's height, so nothing jumps when it arrives. */
function SkeletonCard() {
  return (
    <li
      aria-hidden="true"
      className="flex h-24 flex-col gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="h-3.5 w-1/2 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-3 w-2/3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-3 w-1/3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
    </li>
  )
}
