import { FOCUS_RING } from './button'

export interface CheckboxGroupProps<T extends string> {
  legend: string
  /** Every option, in the order shown and reported. */
  options: readonly T[]
  labels: Readonly<Record<T, string>>
  value: readonly T[]
  onChange: (value: T[]) => void
  /** Every option may be off (a facet); by default the last one left stays on. */
  allowNone?: boolean
}

/** A row of checkboxes choosing some of `options`, at least one of them on unless `allowNone`. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  labels,
  value,
  onChange,
  allowNone = false,
}: CheckboxGroupProps<T>) {
  function toggle(option: T, checked: boolean) {
    onChange(options.filter((each) => (each === option ? checked : value.includes(each))))
  }
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <legend className="float-left mr-1 text-zinc-600 dark:text-zinc-400">{legend}</legend>
      {options.map((option) => {
        const checked = value.includes(option)
        // The last option left stays on: choosing none would always show nothing.
        const onlyOne = !allowNone && checked && value.length === 1
        return (
          <label key={option} className="inline-flex items-center gap-1.5 text-zinc-800 dark:text-zinc-200">
            <input
              type="checkbox"
              checked={checked}
              aria-disabled={onlyOne || undefined}
              onChange={(event) => !onlyOne && toggle(option, event.target.checked)}
              className={`size-4 accent-zinc-900 dark:accent-zinc-100 ${FOCUS_RING}`}
            />
            {labels[option]}
          </label>
        )
      })}
    </fieldset>
  )
}
