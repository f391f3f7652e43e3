import type { MouseEvent } from 'react'
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from './icons'
import { FOCUS_RING } from './button'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

export interface SortableHeaderProps {
  label: string
  sorted: false | 'asc' | 'desc'
  onToggle: (event: MouseEvent) => void
  className?: string
}

/** A header cell whose button sorts its column; `aria-sort` says the state, the arrow shows it. */
export function SortableHeader({ label, sorted, onToggle, className = '' }: SortableHeaderProps) {
  const Arrow = sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : ArrowUpDownIcon
  return (
    <th
      scope="col"
      aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
      className={`px-2 py-1.5 text-left font-medium first:pl-3 sm:px-3 ${className}`}
    >
      <button
        type="button"
        onClick={onToggle}
        className={`-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 whitespace-nowrap hover:bg-zinc-200/70 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${sorted ? 'text-zinc-900 dark:text-zinc-100' : ''} ${FOCUS_RING}`}
      >
        {label}
        <Arrow className={`size-3.5 ${sorted ? '' : 'opacity-40'}`} />
      </button>
    </th>
  )
}
