import { type ReactNode, useEffect, useRef } from 'react'
import { useScrollLock } from '../../hooks/use-scroll-lock'
import { Button } from './button'
import { CloseIcon } from './icons'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])'

export interface DialogProps {
  /** id of the element that names the dialog (its heading). */
  labelledBy: string
  onClose: () => void
  children: ReactNode
  /** On a phone, fill the screen (a long dialog with actions) rather than fit the content (a short one). */
  fullHeightOnPhone?: boolean
}

/**
 * A modal dialog: focus moves in and stays in (Tab wraps), Escape and a click
 * on the backdrop close it, and focus goes back to what had it before (the
 * opener) when it closes. The caller makes the page behind it inert, and may
 * move focus elsewhere after closing (to a row that replaced the opener). The
 * page does not scroll behind it. On a phone it is a sheet from the bottom whose
 * header and footer (DialogHeader, DialogFooter) stay on screen while its body scrolls.
 */
export function Dialog({ labelledBy, onClose, children, fullHeightOnPhone = false }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null)
  useScrollLock()

  useEffect(() => {
    // Read before focus moves in: the element the dialog was opened from.
    const opener = document.activeElement
    const first = panel.current?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? panel.current)?.focus()
    return () => {
      // Only when focus was lost with the dialog: never take it from where someone has put it since.
      const lost = document.activeElement === null || document.activeElement === document.body
      if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus()
    }
  }, [])

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
      return
    }
    if (event.key !== 'Tab' || !panel.current) return
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = focusable[0]
    const last = focusable.at(-1)
    if (!first || !last) {
      event.preventDefault()
      return
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div
      className="fixed inset-0 z-50 flex items-end justify-center bg-zinc-950/40 p-0 backdrop-blur-[1px] sm:items-center sm:p-4 dark:bg-black/60"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className={`flex max-h-dvh w-full flex-col overflow-y-auto overscroll-contain border border-zinc-200 bg-white shadow-xl outline-none sm:max-h-[90dvh] sm:max-w-2xl sm:rounded-xl dark:border-zinc-800 dark:bg-zinc-900 ${fullHeightOnPhone ? 'h-dvh sm:h-auto' : 'rounded-t-xl'}`}
      >
        {children}
      </div>
    </div>
  )
}

export interface DialogHeaderProps {
  /** The heading's id: the Dialog's `labelledBy`. */
  titleId: string
  title: ReactNode
  /** A line under the title, in monospace (an id). */
  subtitle?: ReactNode
  onClose: () => void
}

/** A dialog's title bar: its heading, an optional line under it, and a Close button. */
export function DialogHeader({ titleId, title, subtitle, onClose }: DialogHeaderProps) {
  return (
    <div
      className={`sticky top-0 z-10 flex gap-3 border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900 ${subtitle ? 'items-start' : 'items-center'}`}
    >
      <div className="min-w-0 flex-1">
        <h2 id={titleId} className="text-base font-semibold break-words text-zinc-900 dark:text-zinc-50">
          {title}
        </h2>
        {subtitle && <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{subtitle}</p>}
      </div>
      <Button variant="ghost" iconOnly aria-label="Close" onClick={onClose}>
        <CloseIcon />
      </Button>
    </div>
  )
}

/** A dialog's actions: at the foot of the panel, and held at the bottom of the screen while its body scrolls. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <div className="sticky bottom-0 z-10 mt-auto flex flex-wrap justify-end gap-2 border-t border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      {children}
    </div>
  )
}
