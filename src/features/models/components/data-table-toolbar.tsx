import { type RefObject, useId } from 'react'
import { FOCUS_RING } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { SearchIcon } from '../../../components/ui/icons'
import { MAX_QUERY_LENGTH } from '../../../contract/list-params'
import type { ModelsView } from '../api/get-models'
import { PAGE_SIZES, type PageSize, useShareableLink } from '../hooks/use-models-search-params'
import type { ModelsTable } from '../hooks/use-models-table'
import { ExportLinks } from './export-links'

export interface DataTableToolbarProps {
  table: ModelsTable
  limit: PageSize
  onLimitChange: (limit: PageSize) => void
  /** The filter field, which the `/` shortcut focuses. */
  filterRef: RefObject<HTMLInputElement | null>
  /** The view on screen, for its export links. */
  view: ModelsView
}

const FIELD =
  'h-8 rounded-md border border-zinc-300 bg-white text-sm text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'

/** The filter (`/` focuses it), the page size, a link to this exact view and its export. */
export function DataTableToolbar({ table, limit, onLimitChange, filterRef, view }: DataTableToolbarProps) {
  const value = String(table.state.globalFilter ?? '')
  const filterId = useId()
  const pageSizeId = useId()
  const shareableLink = useShareableLink()

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="search" className="relative min-w-0 flex-1 basis-56">
        <label htmlFor={filterId} className="sr-only">
          Filter models
        </label>
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
        <input
          ref={filterRef}
          id={filterId}
          type="search"
          value={value}
          onChange={(event) => table.setGlobalFilter(event.target.value)}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Filter by id or name"
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          className={`${FIELD} w-full pr-8 pl-8 placeholder:text-zinc-400 ${FOCUS_RING}`}
        />
        <kbd
          hidden={value !== ''}
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-zinc-300 px-1 font-mono text-[0.6875rem] text-zinc-500 sm:block dark:border-zinc-700"
        >
          /
        </kbd>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={pageSizeId} className="text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          Rows per page
        </label>
        <select
          id={pageSizeId}
          value={limit}
          onChange={(event) => onLimitChange(Number(event.target.value) as PageSize)}
          className={`${FIELD} px-2 ${FOCUS_RING}`}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <CopyButton
        label="Copy link"
        visibleLabel="Copy link"
        text={shareableLink}
        copiedMessage="Link to this view copied"
      />
      <ExportLinks view={view} />
    </div>
  )
}
