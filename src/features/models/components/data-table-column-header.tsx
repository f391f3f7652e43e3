import type { Header } from '@tanstack/react-table'
import { FOCUS_RING } from '../../../components/ui/button'
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from '../../../components/ui/icons'
import type { Model } from '../../../contract/model'
import type { tableFeaturesForModels } from './columns'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/**
 * A header cell that sorts its column: ascending, then descending, then back
 * to the API's own order. `aria-sort` says the state; the arrow shows it.
 */
export function DataTableColumnHeader({ header }: { header: Header<typeof tableFeaturesForModels, Model, unknown> }) {
  const { column } = header
  const sorted = column.getIsSorted()
  const label = String(column.columnDef.header)
  const Arrow = sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : ArrowUpDownIcon
  return (
    <th
      scope="col"
      aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
      className={`px-2 py-1.5 text-left font-medium first:pl-3 sm:px-3 ${column.columnDef.meta?.className ?? ''}`}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className={`-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 whitespace-nowrap hover:bg-zinc-200/70 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${sorted ? 'text-zinc-900 dark:text-zinc-100' : ''} ${FOCUS_RING}`}
      >
        {label}
        <Arrow className={`size-3.5 ${sorted ? '' : 'opacity-40'}`} />
      </button>
    </th>
  )
}
