import { Button } from './ui/button'
import { ChevronLeftIcon, ChevronRightIcon } from './ui/icons'
import type { ModelPage } from '../contract/model'

/** Where a page sits in its view: what the range text needs. */
type PagePosition = Pick<ModelPage, 'offset' | 'total'> & { data: readonly unknown[] }

export interface DataTablePaginationProps {
  page: PagePosition | undefined
  canGoPrevious: boolean
  canGoNext: boolean
  onPrevious: () => void
  onNext: () => void
}

const count = new Intl.NumberFormat()

/** "21–40 of 137", from where the page sits in its view, so it is right on a page opened from a link too. */
export function rangeText(page: PagePosition): string {
  if (page.data.length === 0) return `0 of ${count.format(page.total)}`
  const first = page.offset + 1
  const last = page.offset + page.data.length
  return `${count.format(first)}–${count.format(last)} of ${count.format(page.total)}`
}

export function DataTablePagination({ page, canGoPrevious, canGoNext, onPrevious, onNext }: DataTablePaginationProps) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-3">
      <p aria-live="polite" className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
        {page ? rangeText(page) : '\u00a0'}
      </p>
      <div className="flex gap-1">
        <Button aria-label="Previous page" disabled={!canGoPrevious} onClick={onPrevious}>
          <ChevronLeftIcon />
          <span className="hidden sm:inline">Previous</span>
        </Button>
        <Button aria-label="Next page" disabled={!canGoNext} onClick={onNext}>
          <span className="hidden sm:inline">Next</span>
          <ChevronRightIcon />
        </Button>
      </div>
    </nav>
  )
}
