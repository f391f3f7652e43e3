import { type RefObject, useEffect, useRef } from 'react'
import { Button } from './ui/button'
import { ChevronLeftIcon, ChevronRightIcon } from './ui/icons'
import { announce } from './ui/announcer'
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
  const previous = useRef<HTMLButtonElement>(null)
  const next = useRef<HTMLButtonElement>(null)
  // A button that becomes disabled drops focus to <body>: hand it to the other one, which pages back.
  useFollowFocus(previous, next, !canGoPrevious)
  useFollowFocus(next, previous, !canGoNext)
  useAnnouncePaging(page)
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-3">
      <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">{page ? rangeText(page) : '\u00a0'}</p>
      <div className="flex gap-1">
        <Button ref={previous} aria-label="Previous page" disabled={!canGoPrevious} onClick={onPrevious}>
          <ChevronLeftIcon />
          <span className="hidden sm:inline">Previous</span>
        </Button>
        <Button ref={next} aria-label="Next page" disabled={!canGoNext} onClick={onNext}>
          <span className="hidden sm:inline">Next</span>
          <ChevronRightIcon />
        </Button>
      </div>
    </nav>
  )
}

/**
 * When `from` becomes disabled while it has focus, focus moves to `to`, so a
 * keyboard user who paged to the end (or back to the start) is not dropped to
 * <body>. Browsers differ: some leave focus on the disabled button, some move
 * it to <body>; both count as focus lost with it.
 */
function useFollowFocus(
  from: RefObject<HTMLButtonElement | null>,
  to: RefObject<HTMLButtonElement | null>,
  disabled: boolean,
) {
  const hadFocus = useRef(false)
  useEffect(() => {
    const button = from.current
    if (!button) return
    const onFocus = () => (hadFocus.current = true)
    // A blur to another element is a move; a blur to nowhere is the loss this hook repairs.
    const onBlur = (event: FocusEvent) => {
      if (event.relatedTarget !== null) hadFocus.current = false
    }
    button.addEventListener('focus', onFocus)
    button.addEventListener('blur', onBlur)
    return () => {
      button.removeEventListener('focus', onFocus)
      button.removeEventListener('blur', onBlur)
    }
  }, [from])
  useEffect(() => {
    if (!disabled || !hadFocus.current) return
    hadFocus.current = false
    const active = document.activeElement
    const lost = active === null || active === document.body || active === from.current
    if (lost && to.current && !to.current.disabled) to.current.focus()
  }, [disabled, from, to])
}

/**
 * Says the new range through the app's one live region when the page moves (not on first load). A sort or
 * filter that moves it too announces its own results after this, which then is what is heard.
 */
function useAnnouncePaging(page: PagePosition | undefined) {
  const shownOffset = useRef<number | null>(null)
  const offset = page?.offset
  const range = page ? rangeText(page) : null
  useEffect(() => {
    if (offset === undefined || range === null) return
    if (shownOffset.current !== null && shownOffset.current !== offset) announce(`Showing ${range}.`)
    shownOffset.current = offset
  }, [offset, range])
}
