import { type RefObject, useId } from 'react'
import { FOCUS_RING } from './button'
import { FIELD } from './field'
import { SearchIcon } from './icons'

export interface SearchFieldProps {
  /** What the field filters, for screen readers (the placeholder says it on screen). */
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
  maxLength: number
  inputRef?: RefObject<HTMLInputElement | null>
  /** A key that focuses the field, hinted inside it while it is empty. */
  shortcut?: string
}

/** A search box with a magnifier, in a `search` landmark, that grows to fill its row. */
export function SearchField({ label, placeholder, value, onChange, maxLength, inputRef, shortcut }: SearchFieldProps) {
  const id = useId()
  return (
    <div role="search" className="relative min-w-0 flex-1 basis-56">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-keyshortcuts={shortcut}
        autoComplete="off"
        spellCheck={false}
        className={`${FIELD} w-full pl-8 placeholder:text-zinc-400 ${shortcut ? 'pr-8' : 'pr-2'} ${FOCUS_RING}`}
      />
      {shortcut && (
        <kbd
          hidden={value !== ''}
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-zinc-300 px-1 font-mono text-[0.6875rem] text-zinc-500 sm:block dark:border-zinc-700"
        >
          {shortcut}
        </kbd>
      )}
    </div>
  )
}
