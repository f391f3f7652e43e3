import type { ReactNode } from 'react'
import { useOnAfterPaint } from '../../hooks/use-after-paint'

/**
 * The page under a modal dialog: inert and hidden from assistive technology
 * while one is open. Made inert one frame after the dialog is on screen, not
 * with it: `inert` makes the browser compute the style of the whole page again
 * (about 40 ms with the CPU 4× slower, on a page of 50 rows), which would
 * otherwise delay the dialog's first paint. The dialog takes focus at once, and
 * the page stops being inert as the dialog closes, so focus can return to it.
 * Its children are not drawn again when only this changes.
 */
export function PageBehindDialog({
  dialogOpen,
  className,
  children,
}: {
  dialogOpen: boolean
  className: string
  children: ReactNode
}) {
  const inert = useOnAfterPaint(dialogOpen)
  return (
    <div inert={inert} aria-hidden={inert ? true : undefined} className={className}>
      {children}
    </div>
  )
}
