import { useId, useRef, useState } from 'react'
import { Button, FOCUS_RING } from '../../../components/ui/button'
import { OPTIONAL_COLUMNS, type OptionalColumn } from '../hooks/use-models-search-params'

export const OPTIONAL_COLUMN_LABELS: Record<OptionalColumn, string> = {
  max_input_tokens: 'Context window',
  max_tokens: 'Max output',
  line: 'Line',
}

export interface ColumnsMenuProps {
  value: readonly OptionalColumn[]
  onChange: (columns: OptionalColumn[]) => void
}

/** A button that opens a short list of optional columns to show; Escape or a click elsewhere closes it. */
export function ColumnsMenu({ value, onChange }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)

  return (
    <div
      ref={root}
      // Always at the row's right end, wrapped or not, so the panel opens leftwards inside the screen.
      className="relative ml-auto"
      // Focus leaving the menu (a click elsewhere, Tab past the last box) closes it.
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget)) setOpen(false)
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        // Closes the menu only, not a dialog or anything else listening for Escape.
        event.stopPropagation()
        setOpen(false)
        root.current?.querySelector('button')?.focus()
      }}
    >
      <Button aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Columns
        {value.length > 0 && (
          <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">
            +{value.length}
          </span>
        )}
      </Button>
      <fieldset
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-48 space-y-1 rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <legend className="sr-only">Optional columns</legend>
        {OPTIONAL_COLUMNS.map((column) => (
          <label key={column} className="flex items-center gap-2 rounded px-1 py-0.5 text-zinc-800 dark:text-zinc-200">
            <input
              type="checkbox"
              checked={value.includes(column)}
              onChange={(event) =>
                onChange(
                  OPTIONAL_COLUMNS.filter((each) => (each === column ? event.target.checked : value.includes(each))),
                )
              }
              className={`size-4 accent-zinc-900 dark:accent-zinc-100 ${FOCUS_RING}`}
            />
            {OPTIONAL_COLUMN_LABELS[column]}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
