import { type ReactNode, type RefObject, useId } from 'react'
import { FiltersDisclosure } from '../../../components/filters-disclosure'
import { FOCUS_RING } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { FIELD } from '../../../components/ui/field'
import { SearchField } from '../../../components/ui/search-field'
import { MAX_QUERY_LENGTH } from '../../../contract/list-params'
import type { ModelsView } from '../../../lib/query-keys'
import { PAGE_SIZES, type PageSize, useShareableLink } from '../hooks/use-models-search-params'
import { ExportLinks } from '../../../components/export-links'
import { exportUrl } from '../api/export-models'

export interface DataTableToolbarProps {
  /** The filter as typed, and where a change of it goes (the URL). */
  filter: string
  onFilterChange: (filter: string) => void
  limit: PageSize
  onLimitChange: (limit: PageSize) => void
  /** The filter field, which the `/` shortcut focuses. */
  filterRef: RefObject<HTMLInputElement | null>
  /** The view on screen, for its export links. */
  view: ModelsView
  /** Filters in use besides the search, counted on the folded Filters button. */
  activeFilters: number
  /** The view's data failed to load: nothing to export or share until it does. */
  failed: boolean
  /** The rows of filters under the toolbar (lifecycle, columns, facets), folded with it on a phone. */
  children: ReactNode
}

/**
 * The filter (`/` focuses it), the page size, a link to this exact view and its
 * export, and the filters below them; on a phone all but the filter fold into Filters.
 */
export function DataTableToolbar({
  filter,
  onFilterChange,
  limit,
  onLimitChange,
  filterRef,
  view,
  activeFilters,
  failed,
  children,
}: DataTableToolbarProps) {
  const pageSizeId = useId()
  const shareableLink = useShareableLink()

  return (
    <FiltersDisclosure
      activeCount={activeFilters}
      search={
        <SearchField
          label="Filter models"
          placeholder="Filter by id or name"
          value={filter}
          onChange={onFilterChange}
          maxLength={MAX_QUERY_LENGTH}
          inputRef={filterRef}
          shortcut="/"
        />
      }
    >
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
        disabled={failed}
      />
      <ExportLinks urlOf={(format) => exportUrl(view, format)} disabled={failed} />
      {children}
    </FiltersDisclosure>
  )
}
