import type { MouseEvent } from 'react'

// A row's or card's own controls; `[tabindex="0"]` is a focusable cell such as Availability's Unknown.
const CONTROLS = 'a, button, input, select, textarea, [role="button"], [tabindex="0"]'

/** A click anywhere on a row or card opens its model, unless it was on a control of its own or selected text. */
export function openUnlessOnControl(event: MouseEvent<HTMLElement>, open: () => void) {
  // Another control in the row (a copy button, the name) does its own thing.
  if (event.target instanceof Element && event.target.closest(CONTROLS)) return
  // Selecting text to copy it is not a click to open.
  if (window.getSelection()?.toString()) return
  open()
}
