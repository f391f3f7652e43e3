import { useEffect, useId, useRef, useState } from 'react'
import { FOCUS_RING } from '../../../components/ui/button'
import { CheckboxGroup } from '../../../components/ui/checkbox-group'
import { FIELD } from '../../../components/ui/field'
import { CAPABILITY_GROUPS, type CapabilityPath } from '../../../contract/capabilities'
import { type Facets, LINE_OPTIONS } from '../hooks/use-models-search-params'
import { CAPABILITY_LABELS, LINE_LABELS } from './capability-labels'

/** Context-window presets, in tokens. */
export const CONTEXT_PRESETS = [200_000, 1_000_000] as const
/** "Retiring within" presets, in days. */
export const RETIRING_PRESETS = [30, 90] as const

const tokens = new Intl.NumberFormat('en', { notation: 'compact' })

export interface ModelFacetsProps {
  value: Facets
  onChange: (next: Partial<Facets>) => void
}

/** The facets of the list: line, capabilities, context window and retirement; each one of the BFF's parameters. */
export function ModelFacets({ value, onChange }: ModelFacetsProps) {
  // A line a link named that the dashboard does not offer (a newer one, or a mistake) stays chosen, shown as
  // sent: the BFF matches it against the lines the upstream sends. Unticking it drops it.
  const offered: readonly string[] = LINE_OPTIONS
  const otherLines = (value.line ?? []).filter((line) => !offered.includes(line))
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
      <CheckboxGroup
        legend="Line"
        options={[...offered, ...otherLines]}
        labels={{
          ...LINE_LABELS,
          ...Object.fromEntries(otherLines.map((line) => [line, `${line} (from the link, not a known line)`])),
        }}
        value={value.line ?? []}
        onChange={(line) => onChange({ line: line.length > 0 ? line : null })}
        allowNone
      />
      <PresetSelect
        label="Context window"
        anyLabel="Any size"
        presets={CONTEXT_PRESETS}
        describe={(size) => `≥ ${tokens.format(size)} tokens`}
        value={value.min_context}
        onChange={(min_context) => onChange({ min_context })}
      />
      <PresetSelect
        label="Retiring"
        anyLabel="Any time or never"
        presets={RETIRING_PRESETS}
        describe={(days) => `Within ${days} days`}
        value={value.retiring_within}
        onChange={(retiring_within) => onChange({ retiring_within })}
      />
      <CapabilityFacet
        value={value.caps ?? []}
        onChange={(caps) => onChange({ caps: caps.length > 0 ? caps : null })}
      />
    </div>
  )
}

interface PresetSelectProps {
  label: string
  anyLabel: string
  presets: readonly number[]
  describe: (value: number) => string
  value: number | null
  onChange: (value: number | null) => void
}

/** A choice of presets or none; a value from a link that is no preset is offered too, as it was given. */
function PresetSelect({ label, anyLabel, presets, describe, value, onChange }: PresetSelectProps) {
  const id = useId()
  const options = value === null || presets.includes(value) ? presets : [...presets, value].sort((a, b) => a - b)
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        className={`${FIELD} px-2 ${FOCUS_RING}`}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {describe(option)}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Capabilities a model must all support, grouped as the tree groups them; folded away until opened. */
function CapabilityFacet({ value, onChange }: { value: CapabilityPath[]; onChange: (caps: CapabilityPath[]) => void }) {
  const toggle = (path: CapabilityPath, checked: boolean) =>
    onChange(checked ? [...value, path] : value.filter((each) => each !== path))
  // The boxes are there only once it is open (or a capability is required): folded, they would be in every
  // page's HTML for nothing. A disclosure opened before the page was taken over gets them at once.
  const [opened, setOpened] = useState(false)
  const details = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (details.current?.open) setOpened(true)
  }, [])
  return (
    <details
      ref={details}
      className="text-sm"
      open={value.length > 0 || undefined}
      onToggle={(event) => setOpened(event.currentTarget.open)}
    >
      <summary className={`cursor-pointer rounded-sm text-zinc-700 dark:text-zinc-300 ${FOCUS_RING}`}>
        Capabilities{value.length > 0 ? ` (${value.length} required)` : ''}
      </summary>
      {(opened || value.length > 0) && (
        <div className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {CAPABILITY_GROUPS.map((group) => (
            <fieldset key={group.path} className="space-y-1">
              <legend className="sr-only">{CAPABILITY_LABELS[group.path]}</legend>
              {[group.path, ...group.children].map((path: CapabilityPath) => (
                <label
                  key={path}
                  className={`flex items-center gap-1.5 text-zinc-800 dark:text-zinc-200 ${path === group.path ? '' : 'pl-5'}`}
                >
                  <input
                    type="checkbox"
                    checked={value.includes(path)}
                    onChange={(event) => toggle(path, event.target.checked)}
                    className={`size-4 accent-zinc-900 dark:accent-zinc-100 ${FOCUS_RING}`}
                  />
                  {CAPABILITY_LABELS[path]}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      )}
    </details>
  )
}
