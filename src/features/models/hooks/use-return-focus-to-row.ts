import { useEffect, useRef } from 'react'

/** After the dialog closes, focus goes back to the row it was opened from (when that row is on screen). */
export function useReturnFocusToRow(model: string | null) {
  const lastOpen = useRef<string | null>(null)
  useEffect(() => {
    if (model !== null) {
      lastOpen.current = model
      return
    }
    const id = lastOpen.current
    lastOpen.current = null
    if (id === null) return
    const buttons = document.querySelectorAll<HTMLElement>('[data-model-button]')
    // The row's and the card's button: the hidden one of the two (by breakpoint) does not take focus.
    for (const button of buttons) {
      if (button.dataset.modelButton !== id) continue
      button.focus()
      if (document.activeElement === button) return
    }
  }, [model])
}
