import { useEffect, useEffectEvent } from 'react'

/** The dashboard's single-key shortcuts; Escape is the dialog's own. */
export type ShortcutKey = '/' | '?' | 'n' | 'p'
export type ShortcutHandlers = Readonly<Record<ShortcutKey, () => void>>

/** Inputs that take no typed text: a letter pressed on them is free for a shortcut. */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'])

/**
 * Keys that belong to whatever has focus: typing in a text field (or a select,
 * whose letters pick an option) must never trigger a shortcut. A checkbox, a
 * button or a link takes no letters, so n and p still page from there.
 */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const field = target.closest('input, textarea, select')
  if (field instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(field.type)
  return field !== null
}

/**
 * One keydown listener for every shortcut of the page. A key is left alone
 * while the person types in a field, with Ctrl, Alt or Meta held (the
 * browser's and the system's own shortcuts), and while a modal dialog is open
 * (the page behind it is inert; the dialog handles Escape itself).
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.isComposing) return
    if (!Object.hasOwn(handlers, event.key) || isTypingTarget(event.target)) return
    if (document.querySelector('[aria-modal="true"]')) return
    event.preventDefault()
    handlers[event.key as ShortcutKey]()
  })

  useEffect(() => {
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
