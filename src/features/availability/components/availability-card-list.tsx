import { useId } from 'react'
import type { AvailabilityRow, AvailabilityWorkspace } from '../../../contract/availability'
import { ReleaseDate } from '../../../components/release-date'
import { FOCUS_RING } from '../../../components/ui/button'
import { AvailabilityStatusBadge } from './availability-status'

/** One model's row of the matrix, as a table row or a card. */
export interface AvailabilityRowProps {
  row: AvailabilityRow
  workspaces: readonly AvailabilityWorkspace[]
  now: number
  /** Opens a model in the dialog (its record in the workspace the page shows). */
  onOpenModel: (id: string) => void
}

export interface AvailabilityCardListProps {
  rows: readonly AvailabilityRow[]
  workspaces: readonly AvailabilityWorkspace[]
  isBusy: boolean
  now: number
  onOpenModel: (id: string) => void
}

/**
 * The availability page as cards, below the `sm` breakpoint where the table is
 * hidden: one card per model, one line per workspace, so no workspace is off to
 * the side. CSS picks the table or the cards, so the server's HTML holds both.
 */
export function AvailabilityCardList({ rows, workspaces, isBusy, now, onOpenModel }: AvailabilityCardListProps) {
  return (
    <ul
      aria-label="Availability"
      aria-busy={isBusy}
      className={`flex flex-col gap-2 sm:hidden ${isBusy ? 'opacity-60' : ''}`}
    >
      {rows.map((row) => (
        <li key={row.id}>
          <AvailabilityCard row={row} workspaces={workspaces} now={now} onOpenModel={onOpenModel} />
        </li>
      ))}
    </ul>
  )
}

/** One model: its name as the heading, its id and release date, and how it stands in each workspace. */
export function AvailabilityCard({ row, workspaces, now, onOpenModel }: AvailabilityRowProps) {
  const headingId = useId()
  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div>
        <h2 id={headingId} className="font-medium break-words text-zinc-900 dark:text-zinc-100">
          <button
            type="button"
            data-model-button={row.id}
            onClick={() => onOpenModel(row.id)}
            className={`rounded-sm text-left underline-offset-2 hover:underline ${FOCUS_RING}`}
          >
            {row.display_name}
          </button>
        </h2>
        <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{row.id}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Released <ReleaseDate iso={row.created_at} now={now} showRelative={false} />
        </p>
      </div>
      <ul aria-label={`Workspaces of ${row.display_name}`} className="flex flex-col gap-1">
        {workspaces.map((workspace) => (
          <li
            key={workspace.name}
            data-status={row.status[workspace.name] ?? 'unknown'}
            className="flex flex-wrap items-center justify-between gap-x-3"
          >
            <span className="min-w-0 break-all text-zinc-700 dark:text-zinc-300">
              {workspace.name}
              <span className="sr-only">: </span>
            </span>
            <AvailabilityStatusBadge status={row.status[workspace.name]} workspace={workspace} />
          </li>
        ))}
      </ul>
    </article>
  )
}
