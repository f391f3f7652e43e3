import type { Header } from '@tanstack/react-table'
import { SortableHeader } from '../../../components/ui/sortable-header'
import type { Model } from '../../../contract/model'
import type { tableFeaturesForModels } from './columns'

/** A header cell that sorts its column: ascending, then descending, then back to the API's own order. */
export function DataTableColumnHeader({ header }: { header: Header<typeof tableFeaturesForModels, Model, unknown> }) {
  const { column } = header
  return (
    <SortableHeader
      label={String(column.columnDef.header)}
      sorted={column.getIsSorted()}
      onToggle={(event) => column.getToggleSortingHandler()?.(event)}
      className={column.columnDef.meta?.className}
    />
  )
}
