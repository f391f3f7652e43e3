import { useEffect } from 'react'

/** Dialogs open now: the page stays locked until the last one closes. */
let locks = 0
let overflowBefore = ''

/**
 * Keeps the page from scrolling behind an open dialog: the wheel, a swipe or
 * Space over the dialog's edge scroll the dialog or nothing, never the page.
 * The root's scrollbar gutter is kept (styles.css), so nothing moves sideways
 * when the scrollbar goes.
 */
export function useScrollLock() {
  useEffect(() => {
    const root = document.documentElement
    if (locks === 0) {
      overflowBefore = root.style.overflow
      root.style.overflow = 'hidden'
    }
    locks += 1
    return () => {
      locks -= 1
      if (locks === 0) root.style.overflow = overflowBefore
    }
  }, [])
}
