import { type ReactNode, useId, useState } from 'react'
import { Button } from './ui/button'
import { ChevronDownIcon } from './ui/icons'

export interface FiltersDisclosureProps {
  /** Always on screen, beside the Filters button on a phone: the search field. */
  search: ReactNode
  /** How many of the folded filters differ from their defaults ("Filters (2)"), so none is applied unseen. */
  activeCount: number
  /** The other controls: folded away below the `sm` breakpoint until opened, laid out in the row above it. */
  children: ReactNode
}

/**
 * A view's controls. On a phone they fold into one row (the search and a Filters
 * button) so the first result is in the first screen; from the `sm` breakpoint up
 * the button is gone and everything is laid out in the row. Pure CSS
 * breakpoints, not a media query in script, so the server's HTML and the
 * browser's first render agree and nothing moves when the page hydrates.
 */
export function FiltersDisclosure({ search, activeCount, children }: FiltersDisclosureProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-3">
      {search}
      <Button aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} className="sm:hidden">
        {activeCount > 0 ? `Filters (${activeCount})` : 'Filters'}
        <ChevronDownIcon className={`size-4 transition-transform ${open ? 'rotate-180' : ''}`} />
      </Button>
      {/* `contents` from sm up: the controls join the row, as if there were no panel. */}
      <div
        id={panelId}
        role="group"
        aria-label="Filters"
        className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-center gap-x-2 gap-y-3 sm:contents`}
      >
        {children}
      </div>
    </div>
  )
}
