import type { ModelsTable } from '../hooks/use-models-table'
import { DataTableColumnHeader } from './data-table-column-header'
import { DataTableSkeletonRows } from './data-table-skeleton-rows'
import { MODELS_TABLE_ID } from './skip-to-table'
import { DataTableRow } from './data-table-row'
import { modelRowProps } from './model-row-memo'

export interface DataTableProps {
  table: ModelsTable
  /** Nothing to show yet: skeleton rows of the final size hold the space. */
  isLoading: boolean
  /** Rows are on screen but the ones asked for are on their way. */
  isBusy: boolean
  /** The rows on screen are the last page's while the one asked for is drawn (a render of its own): busy, not dimmed. */
  isDrawing?: boolean
  skeletonRows: number
}

/** The models of one page as an HTML table (from the `sm` breakpoint up; a phone gets ModelCardList): one row per model, its id first. */
export function DataTable({ table, isLoading, isBusy, isDrawing = false, skeletonRows }: DataTableProps) {
  const rows = table.getRowModel().rows

  return (
    <div className="relative hidden overflow-x-auto rounded-lg border border-zinc-200 bg-white sm:block dark:border-zinc-800 dark:bg-zinc-900">
      {isBusy && (
        <div aria-hidden="true" className="absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden">
          <div className="animate-progress h-full w-1/3 bg-blue-600 dark:bg-blue-400" />
        </div>
      )}
      <table
        id={MODELS_TABLE_ID}
        // Focusable by script only: the skip link's target.
        tabIndex={-1}
        aria-busy={isLoading || isBusy || isDrawing}
        aria-label="Models"
        // Laid out by content (see columns.tsx): wider than the screen, it scrolls sideways in its frame.
        className="w-full border-collapse text-sm"
      >
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <DataTableColumnHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody
          className={`divide-y divide-zinc-100 transition-opacity dark:divide-zinc-800 ${isBusy ? 'opacity-60' : ''}`}
        >
          {isLoading ? (
            <DataTableSkeletonRows rows={skeletonRows} columns={table.getAllLeafColumns()} />
          ) : (
            rows.map((row) => <DataTableRow key={row.id} {...modelRowProps(table, row)} />)
          )}
        </tbody>
      </table>
    </div>
  )
}
