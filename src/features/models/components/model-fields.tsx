import type { ReactNode } from 'react'
import type { Capabilities, Model } from '../../../contract/model'
import { isReleaseDateUnknown } from '../../../contract/model-values'
import { formatDateTimeUtc, formatRelative, formatDate } from '../../../lib/format-time'
import { ReleaseDate } from '../../../components/release-date'
import { CapabilityTree } from './capability-tree'
import { LineName } from './columns'

const LABELS: Readonly<Record<string, string>> = {
  created_at: 'Released',
  line: 'Line',
  lifecycle: 'Lifecycle',
  deprecated_at: 'Deprecated',
  retires_at: 'Retires',
  max_input_tokens: 'Max input tokens',
  max_tokens: 'Max output tokens',
  capabilities: 'Capabilities',
}
const DATE_FIELDS = new Set(['deprecated_at', 'retires_at'])
// Said once, elsewhere: the id and name in the dialog's header, and `type` is "model" on every model there is.
const SHOWN_ELSEWHERE = new Set(['id', 'display_name', 'type'])
const numbers = new Intl.NumberFormat()

/**
 * Every field of a model the header does not already say, the known ones first and named, any newer one as
 * the upstream sent it. A date the model has none of is left out rather than shown as "—" beside a
 * lifecycle that says otherwise ("Lifecycle: deprecated", "Deprecated: —"); the retirement plan says what is known.
 */
export function ModelFields({ model, now }: { model: Model; now: number }) {
  const shown = (key: string) => !SHOWN_ELSEWHERE.has(key) && !(DATE_FIELDS.has(key) && model[key] == null)
  const known = Object.keys(LABELS).filter((key) => key in model && shown(key))
  const others = Object.keys(model).filter((key) => !(key in LABELS) && shown(key))
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(9rem,auto)_1fr]">
      {[...known, ...others].map((key) => (
        <div key={key} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">
            {LABELS[key] ?? <code className="font-mono text-xs">{key}</code>}
          </dt>
          <dd className="mb-1 min-w-0 break-words text-zinc-900 sm:mb-0 dark:text-zinc-100">
            {renderValue(key, model[key], now)}
          </dd>
        </div>
      ))}
    </dl>
  )
}

// Always as text: whatever the upstream sends is never markup.
function renderValue(key: string, value: unknown, now: number): ReactNode {
  if (value === null || value === undefined) return <span className="text-zinc-500">Not given by the API</span>
  if (key === 'created_at' && typeof value === 'string') {
    return (
      <span className="flex flex-wrap gap-x-2">
        <ReleaseDate iso={value} now={now} showRelative={false} />
        {!isReleaseDateUnknown(value) && <RelativeAndExact iso={value} now={now} />}
      </span>
    )
  }
  if (key === 'capabilities' && typeof value === 'object' && !Array.isArray(value)) {
    return <CapabilityTree capabilities={value as Capabilities} />
  }
  if (key === 'line' && typeof value === 'string') return <LineName line={value} />
  if (DATE_FIELDS.has(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return (
      <span className="flex flex-wrap gap-x-2">
        <time dateTime={value}>{formatDate(value)}</time>
        <RelativeAndExact iso={value} now={now} />
      </span>
    )
  }
  if (typeof value === 'number') return <span className="tabular-nums">{numbers.format(value)}</span>
  if (typeof value === 'object') {
    return <pre className="overflow-x-auto font-mono text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
  }
  return String(value)
}

function RelativeAndExact({ iso, now }: { iso: string; now: number }) {
  return (
    <span className="text-zinc-500 dark:text-zinc-400">
      {formatRelative(iso, now)} · {formatDateTimeUtc(iso)}
    </span>
  )
}
