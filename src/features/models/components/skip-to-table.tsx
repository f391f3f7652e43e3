import type { MouseEvent } from 'react'
import { FOCUS_RING } from '../../../components/ui/button'

/** The table's id: the skip link's target. */
export const MODELS_TABLE_ID = 'models-table'

/**
 * The first stop of Tab: "Skip to the table", past the header, the filters and
 * the toolbar. Hidden until focused. Focus is moved by script, so the URL
 * (the view's state) gets no fragment.
 */
export function SkipToTable() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    const table = document.getElementById(MODELS_TABLE_ID)
    if (!table) return
    event.preventDefault()
    table.focus()
    table.scrollIntoView?.({ block: 'start' })
  }
  return (
    <a
      href={`#${MODELS_TABLE_ID}`}
      onClick={skip}
      className={`sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900 dark:text-zinc-100 ${FOCUS_RING}`}
    >
      Skip to the table
    </a>
  )
}
