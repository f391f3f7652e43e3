import type { Column } from '@tanstack/react-table'
import type { Model } from '../../../contract/model'
import type { tableFeaturesForModels } from './columns'

const WIDTHS = ['w-4/5', 'w-3/5', 'w-2/3', 'w-1/2']

/** Placeholder rows of the same height and columns as real ones, so nothing moves when data arrives. */
export function DataTableSkeletonRows({
  rows,
  columns,
}: {
  rows: number
  columns: Column<typeof tableFeaturesForModels, Model, unknown>[]
}) {
  return Array.from({ length: rows }, (_, row) => (
    <tr key={row} className="h-10">
      {columns.map((column, index) => (
        <td key={column.id} className={`px-2 first:pl-3 sm:px-3 ${column.columnDef.meta?.className ?? ''}`}>
          <div
            className={`h-3.5 min-w-12 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800 ${WIDTHS[(row + index) % WIDTHS.length]}`}
          />
        </td>
      ))}
    </tr>
  ))
}
