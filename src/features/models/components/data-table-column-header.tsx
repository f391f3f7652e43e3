import type { Header } from '@tanstack/react-table'
import { SortableHeader } from '../../../components/ui/sortable-header'
import { parseSort, type SortKey } from '../../../contract/list-params'
import type { Model } from '../../../contract/model'
import type { tableFeaturesForModels } from './columns'

/** A header cell that sorts its column: ascending, then descending, then back to the API's own order. */
export function DataTableColumnHeader({ header }: { header: Header<typeof tableFeaturesForModels, Model, unknown> }) {
  const { column } = header
  const meta = header.getContext().table.options.meta
  // Column ids are the BFF's sort keys (columns.tsx).
  const key = column.id as SortKey
  const sorted = meta?.sort ? parseSort(meta.sort) : null
  return (
    <SortableHeader
      label={String(column.columnDef.header)}
      sorted={sorted?.key === key ? (sorted.descending ? 'desc' : 'asc') : false}
      onToggle={() => meta?.toggleSort(key)}
      className={column.columnDef.meta?.className}
    />
  )
}
