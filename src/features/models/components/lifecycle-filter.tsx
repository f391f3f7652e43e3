import { FOCUS_RING } from '../../../components/ui/button'
import { type Lifecycle, LIFECYCLES } from '../../../contract/list-params'

const LABELS: Record<Lifecycle, string> = { active: 'Active', deprecated: 'Deprecated', retired: 'Retired' }

export interface LifecycleFilterProps {
  value: readonly Lifecycle[]
  onChange: (stages: Lifecycle[]) => void
}

/** Which lifecycle stages the list shows: a group of checkboxes, at least one of them on. */
export function LifecycleFilter({ value, onChange }: LifecycleFilterProps) {
  function toggle(stage: Lifecycle, checked: boolean) {
    onChange(LIFECYCLES.filter((each) => (each === stage ? checked : value.includes(each))))
  }
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <legend className="float-left mr-1 text-zinc-600 dark:text-zinc-400">Lifecycle</legend>
      {LIFECYCLES.map((stage) => {
        const checked = value.includes(stage)
        // The last stage left stays on: a view of no stage at all would always be empty.
        const onlyOne = checked && value.length === 1
        return (
          <label key={stage} className="inline-flex items-center gap-1.5 text-zinc-800 dark:text-zinc-200">
            <input
              type="checkbox"
              checked={checked}
              aria-disabled={onlyOne || undefined}
              onChange={(event) => !onlyOne && toggle(stage, event.target.checked)}
              className={`size-4 accent-zinc-900 dark:accent-zinc-100 ${FOCUS_RING}`}
            />
            {LABELS[stage]}
          </label>
        )
      })}
    </fieldset>
  )
}
