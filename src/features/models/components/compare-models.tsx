import { useQueries } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { CAPABILITY_PATHS, capabilitySupport, otherCapabilities } from '../../../contract/capabilities'
import { MODEL_FIELDS } from '../../../contract/answer-checks'
import type { Model } from '../../../contract/model'
import { isReleaseDateUnknown } from '../../../contract/model-values'
import { ApiError } from '../../../lib/api-request'
import { describeRetirement, formatDate } from '../../../lib/format-time'
import { useNow } from '../../../hooks/use-now'
import { useWorkspace } from '../../workspaces/hooks/use-workspace'
import { modelQueryOptions } from '../api/get-model'
import { replacementQueryOptions } from '../api/get-replacement'
import { CAPABILITY_LABELS, describeOtherCapability, LINE_LABELS } from './capability-labels'
import { rawText } from './capability-tree'
import { COMPARE_ID } from './compare-bar'

const numbers = new Intl.NumberFormat()

/** One compared field: its name and each model's value in words ("—" where the record has none). */
interface Field {
  label: string
  valueOf: (model: Model, now: number) => string
}

const date = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatDate(value) : '—'
const count = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : '—')

/** The fields API 2026-10-21 names; any other one a model has gets a row of its own, named by its key. */
const KNOWN_KEYS = new Set(Object.keys(MODEL_FIELDS))

/** Rows for what the compared models send beyond what the dashboard knows: fields, then capabilities. */
function otherFields(models: readonly Model[]): Field[] {
  const keys = new Set(models.flatMap((model) => Object.keys(model).filter((key) => !KNOWN_KEYS.has(key))))
  const capabilityPaths = new Set(models.flatMap((model) => otherCapabilities(model.capabilities).map((c) => c.path)))
  return [
    ...[...capabilityPaths].map((path): Field => ({
      label: describeOtherCapability(path),
      valueOf: (model) => {
        const found = otherCapabilities(model.capabilities).find((other) => other.path === path)
        if (!found) return '—'
        if (found.raw !== undefined) return rawText(found.raw)
        return found.supported === null ? '—' : found.supported ? 'Supported' : 'Not supported'
      },
    })),
    ...[...keys].map((key): Field => ({
      label: key,
      valueOf: (model) => (model[key] === null || model[key] === undefined ? '—' : rawText(model[key])),
    })),
  ]
}

const FIELDS: readonly Field[] = [
  { label: 'ID', valueOf: (model) => model.id },
  { label: 'Display name', valueOf: (model) => model.display_name },
  { label: 'Type', valueOf: (model) => model.type },
  {
    label: 'Line',
    valueOf: (model) => (typeof model.line === 'string' ? (LINE_LABELS[model.line] ?? model.line) : '—'),
  },
  { label: 'Lifecycle', valueOf: (model) => model.lifecycle ?? '—' },
  {
    label: 'Released',
    valueOf: (model) => (isReleaseDateUnknown(model.created_at) ? 'Unknown' : formatDate(model.created_at)),
  },
  { label: 'Deprecated', valueOf: (model) => date(model.deprecated_at) },
  {
    label: 'Retires',
    valueOf: (model, now) => {
      const retirement = describeRetirement(model.lifecycle, model.retires_at, now)
      return retirement ? `${date(model.retires_at)} (${retirement.sentence})` : date(model.retires_at)
    },
  },
  { label: 'Context window', valueOf: (model) => count(model.max_input_tokens) },
  { label: 'Max output', valueOf: (model) => count(model.max_tokens) },
  ...CAPABILITY_PATHS.map((path): Field => ({
    label: CAPABILITY_LABELS[path],
    valueOf: (model) => {
      const supported = capabilitySupport(model.capabilities, path)
      return supported === null ? '—' : supported ? 'Supported' : 'Not supported'
    },
  })),
]

export interface CompareModelsProps {
  ids: readonly string[]
  onChange: (ids: string[]) => void
}

/**
 * Two to four models side by side: every field and capability, differences
 * highlighted, optionally only those. An id the catalogue does not have
 * (unknown, or removed since the link was made) is shown as such. Below
 * 640 px each field stacks its models' values, labelled.
 */
export function CompareModels({ ids, onChange }: CompareModelsProps) {
  const headingId = useId()
  const workspace = useWorkspace()
  const now = useNow(60_000)
  const [onlyDifferences, setOnlyDifferences] = useState(false)
  const results = useQueries({ queries: ids.map((id) => ({ ...modelQueryOptions(workspace, id), retry: false })) })
  const loaded = results.flatMap((result) => (result.data ? [result.data] : []))
  // A deprecated or retired model's suggested replacement: the newest active model of its line, as in the dialog.
  const lineOf = (model: Model | undefined) =>
    model && model.lifecycle !== 'active' && typeof model.line === 'string' ? model.line : null
  const lines = [...new Set(results.map((result) => lineOf(result.data)).filter((line) => line !== null))]
  const replacements = useQueries({ queries: lines.map((line) => replacementQueryOptions(workspace, line)) })
  const suggestion: Field = {
    label: 'Suggested replacement',
    valueOf: (model) => {
      if (model.lifecycle !== 'deprecated' && model.lifecycle !== 'retired') return '—'
      const line = lineOf(model)
      if (line === null) return 'None (no line)'
      const found = replacements[lines.indexOf(line)]
      if (!found?.isSuccess) return '…'
      return found.data && found.data.id !== model.id ? `${found.data.id} (suggestion)` : 'None'
    },
  }
  const rows = [...FIELDS, ...otherFields(loaded), suggestion].map((field) => {
    const values = results.map((result) => (result.data ? field.valueOf(result.data, now) : null))
    const known = values.filter((value): value is string => value !== null)
    return { field, values, differs: new Set(known).size > 1 }
  })
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows

  return (
    <section
      id={COMPARE_ID}
      // Focusable by script only: where "Compare (N)" takes focus.
      tabIndex={-1}
      aria-labelledby={headingId}
      className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          Compare models
        </h2>
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            checked={onlyDifferences}
            onChange={(event) => setOnlyDifferences(event.target.checked)}
          />
          Only differences
        </label>
        <Button onClick={() => onChange([])}>Close comparison</Button>
      </div>
      <ul aria-label="Compared models" className="flex flex-wrap gap-2 text-sm">
        {ids.map((id, index) => (
          <li
            key={id}
            className="flex items-center gap-2 rounded-md border border-zinc-200 px-2 py-1 dark:border-zinc-800"
          >
            <span className="font-mono text-xs break-all">{id}</span>
            <ModelState result={results[index]} />
            <Button
              aria-label={`Remove ${id} from the comparison`}
              onClick={() => onChange(ids.filter((each) => each !== id))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {ids.length < 2 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Add another model to compare (2 to 4).</p>
      )}
      <table className="block w-full text-sm sm:table">
        <thead className="hidden sm:table-header-group">
          <tr>
            <th scope="col" className="text-left font-medium text-zinc-600 dark:text-zinc-400">
              Field
            </th>
            {ids.map((id, index) => (
              <th key={id} scope="col" className="text-left align-bottom">
                <span className="block font-mono text-xs break-all">{results[index]?.data?.display_name ?? id}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block sm:table-row-group">
          {shown.map(({ field, values, differs }) => (
            <tr
              key={field.label}
              data-differs={differs || undefined}
              className={`block border-t border-zinc-100 py-1 sm:table-row dark:border-zinc-800 ${differs ? 'bg-amber-50 dark:bg-amber-950' : ''}`}
            >
              <th scope="row" className="block text-left font-medium text-zinc-600 sm:table-cell dark:text-zinc-400">
                {field.label}
                {differs && <span className="sr-only"> (differs)</span>}
              </th>
              {values.map((value, index) => (
                <td key={ids[index]} data-label={ids[index]} className="block pl-3 sm:table-cell sm:pl-0">
                  {/* The model's id before each value when stacked, where there are no column headers. */}
                  <span
                    aria-hidden="true"
                    className="mr-1 font-mono text-xs text-zinc-500 sm:hidden dark:text-zinc-400"
                  >
                    {ids[index]}:
                  </span>
                  {value ?? <span className="text-zinc-500">—</span>}
                </td>
              ))}
            </tr>
          ))}
          {onlyDifferences && shown.length === 0 && loaded.length > 1 && (
            <tr className="block sm:table-row">
              <td colSpan={ids.length + 1} className="block py-2 text-zinc-600 sm:table-cell">
                No differences: these models have the same record.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  )
}

function ModelState({
  result,
}: {
  result: { data?: Model; error: Error | null; isPending: boolean } | undefined
}): ReactNode {
  if (!result || result.data) return null
  // 404: the upstream has no such model; 400: the id is not listed and could not name one (a lookup refuses it).
  if (result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 400)) {
    return <span className="block text-red-700 dark:text-red-400">Not in this catalogue (unknown or removed)</span>
  }
  if (result.error) return <span className="block text-red-700 dark:text-red-400">Could not load it</span>
  return <span className="block text-zinc-500">Loading…</span>
}
