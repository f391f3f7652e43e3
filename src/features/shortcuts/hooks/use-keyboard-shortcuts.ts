import { useEffect, useEffectEvent } from 'react'

/** The dashboard's single-key shortcuts; Escape is the dialog's own. */
export type ShortcutKey = '/' | '?' | 'n' | 'p'
export type ShortcutHandlers = Readonly<Record<ShortcutKey, () => void>>

/** Keys that belong to whatever has focus: typing there must never trigger a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null)
  )
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
