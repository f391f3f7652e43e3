import type { MouseEvent } from 'react'
import { FOCUS_RING } from '../../../components/ui/button'

/** The table's id: the skip link's target. */
export const MODELS_TABLE_ID = 'models-table'
/** The cards' id: the target on a phone, where the table is hidden. */
export const MODELS_CARDS_ID = 'models-cards'

/**
 * The first stop of Tab: "Skip to the table", past the header, the filters and
 * the toolbar (on a phone, where cards stand in for the table, "Skip to the
 * models"). Hidden until focused. Focus is moved by script, so the URL (the
 * view's state) gets no fragment; before the script runs, each link's own
 * fragment still lands on what is on screen, as only one of the two is shown.
 */
export function SkipToTable() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    // Whichever of the two is on screen: a hidden one does not take focus.
    for (const id of [MODELS_TABLE_ID, MODELS_CARDS_ID]) {
      const target = document.getElementById(id)
      target?.focus()
      if (target && document.activeElement === target) {
        event.preventDefault()
        target.scrollIntoView?.({ block: 'start' })
        return
      }
    }
  }
  const look = `sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900 dark:text-zinc-100 ${FOCUS_RING}`
  return (
    <>
      <a href={`#${MODELS_TABLE_ID}`} onClick={skip} className={`max-sm:hidden ${look}`}>
        Skip to the table
      </a>
      <a href={`#${MODELS_CARDS_ID}`} onClick={skip} className={`sm:hidden ${look}`}>
        Skip to the models
      </a>
    </>
  )
}
