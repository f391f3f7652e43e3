import { useEffect, useRef } from 'react'

/**
 * After the dialog closes, focus goes back to the row it was opened from (when that row is on screen). The
 * same model can have more than one opener on screen (the Changes view lists a removed model twice), so the
 * one that last had focus is tried first.
 */
export function useReturnFocusToRow(model: string | null) {
  const lastOpen = useRef<string | null>(null)
  const lastFocused = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const remember = (event: FocusEvent) => {
      const target = event.target
      if (target instanceof HTMLElement && target.dataset.modelButton !== undefined) lastFocused.current = target
    }
    document.addEventListener('focusin', remember)
    return () => document.removeEventListener('focusin', remember)
  }, [])
  useEffect(() => {
    if (model !== null) {
      lastOpen.current = model
      return
    }
    const id = lastOpen.current
    lastOpen.current = null
    if (id === null) return
    const opener = lastFocused.current
    const buttons = [
      ...(opener?.isConnected ? [opener] : []),
      ...document.querySelectorAll<HTMLElement>('[data-model-button]'),
    ]
    // The row's and the card's button: the hidden one of the two (by breakpoint) does not take focus.
    for (const button of buttons) {
      if (button.dataset.modelButton !== id) continue
      button.focus()
      if (document.activeElement === button) return
    }
  }, [model])
}
