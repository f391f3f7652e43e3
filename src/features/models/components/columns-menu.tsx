import { useId, useRef, useState } from 'react'
import { Button, FOCUS_RING } from '../../../components/ui/button'
import { ALWAYS_SHOWN, DEFAULT_COLUMNS, TABLE_COLUMNS, type TableColumn } from '../hooks/column-choice'

export const COLUMN_LABELS: Record<TableColumn, string> = {
  id: 'ID',
  display_name: 'Display name',
  line: 'Line',
  created_at: 'Released',
  type: 'Type',
  max_input_tokens: 'Context window',
  max_tokens: 'Max output',
}

export interface ColumnsMenuProps {
  value: readonly TableColumn[]
  onChange: (columns: TableColumn[]) => void
}

/**
 * A button that opens the list of columns, each shown or hidden by its box (the display name always shown:
 * it opens the model); Escape or a click elsewhere closes it.
 */
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
      <Button aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen(!open)}>
        Columns
        {value.join() !== DEFAULT_COLUMNS.join() && (
          <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">
            {value.length}/{TABLE_COLUMNS.length}
          </span>
        )}
      </Button>
      {/* Only while open: folded, the list would be in every page's HTML for nothing. */}
      {open && (
        <fieldset
          id={panelId}
          className="absolute right-0 z-20 mt-1 w-48 space-y-1 rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <legend className="sr-only">Columns shown</legend>
          {TABLE_COLUMNS.map((column) => (
            <label
              key={column}
              className="flex items-center gap-2 rounded px-1 py-0.5 text-zinc-800 dark:text-zinc-200"
            >
              <input
                type="checkbox"
                checked={value.includes(column)}
                disabled={column === ALWAYS_SHOWN}
                aria-describedby={column === ALWAYS_SHOWN ? `${panelId}-always` : undefined}
                onChange={(event) =>
                  onChange(
                    TABLE_COLUMNS.filter((each) => (each === column ? event.target.checked : value.includes(each))),
                  )
                }
                className={`size-4 accent-zinc-900 dark:accent-zinc-100 ${FOCUS_RING}`}
              />
              {COLUMN_LABELS[column]}
            </label>
          ))}
          <p id={`${panelId}-always`} className="px-1 text-xs text-zinc-500 dark:text-zinc-400">
            {COLUMN_LABELS[ALWAYS_SHOWN]} is always shown: it opens the model.
          </p>
        </fieldset>
      )}
    </div>
  )
}
