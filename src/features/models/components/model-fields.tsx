import type { ReactNode } from 'react'
import { isReleaseDateUnknown, type Model } from '../../../contract/model'
import { formatExactUtc, formatRelativeDate, formatReleaseDate } from '../../../lib/format-time'
import { ReleaseDate } from '../../../components/release-date'

const LABELS: Readonly<Record<string, string>> = {
  id: 'ID',
  display_name: 'Display name',
  created_at: 'Released',
  type: 'Type',
  lifecycle: 'Lifecycle',
  deprecated_at: 'Deprecated',
  retires_at: 'Retires',
  max_input_tokens: 'Max input tokens',
  max_tokens: 'Max output tokens',
  capabilities: 'Capabilities',
}
const DATE_FIELDS = new Set(['deprecated_at', 'retires_at'])
const numbers = new Intl.NumberFormat()

/** Every field of a model, the known ones first and named, any newer one as the upstream sent it. */
export function ModelFields({ model, now }: { model: Model; now: number }) {
  const known = Object.keys(LABELS).filter((key) => key in model)
  const others = Object.keys(model).filter((key) => !(key in LABELS))
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
  if (value === null || value === undefined) return <span className="text-zinc-400">—</span>
  if (key === 'created_at' && typeof value === 'string') {
    return (
      <span className="flex flex-wrap gap-x-2">
        <ReleaseDate iso={value} now={now} showRelative={false} />
        {!isReleaseDateUnknown(value) && <RelativeAndExact iso={value} now={now} />}
      </span>
    )
  }
  if (key === 'capabilities' && typeof value === 'object' && !Array.isArray(value)) {
    return <Capabilities capabilities={value as Record<string, unknown>} />
  }
  if (key === 'id') return <span className="font-mono break-all">{String(value)}</span>
  if (DATE_FIELDS.has(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return (
      <span className="flex flex-wrap gap-x-2">
        <time dateTime={value}>{formatReleaseDate(value)}</time>
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

const CAPABILITY_NAMES: Readonly<Record<string, string>> = {
  batch: 'Batch API',
  citations: 'Citations',
  code_execution: 'Tool calls from executed code',
  context_management: 'Context management',
  effort: 'Effort levels',
  image_input: 'Image input',
  pdf_input: 'PDF input',
  server_tools: 'Server tools',
  structured_outputs: 'Structured outputs',
  thinking: 'Extended thinking',
  web_search: 'web search',
}

/** `clear_tool_uses_20250919` → "clear tool uses": a capability the dashboard has no words for yet. */
function capabilityName(key: string): string {
  return CAPABILITY_NAMES[key] ?? key.replace(/_\d{8}$/, '').replaceAll('_', ' ')
}

function isSupported(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { supported?: unknown }).supported === true
}

/** The supported parts of a capability (effort levels, server tools…), named. */
function supportedParts(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value)
    .filter(([part, detail]) => part !== 'supported' && (isSupported(detail) || detail === true))
    .map(([part]) => capabilityName(part))
}

/** The capabilities in plain words: what the model supports (with its options) and what it does not. */
function Capabilities({ capabilities }: { capabilities: Record<string, unknown> }) {
  const entries = Object.entries(capabilities)
  const supported = entries.filter(([, value]) => isSupported(value))
  const unsupported = entries.filter(([, value]) => !isSupported(value))
  return (
    <div className="space-y-1">
      {supported.length > 0 && (
        <ul aria-label="Supported" className="list-inside list-disc">
          {supported.map(([key, value]) => {
            const parts = supportedParts(value)
            return (
              <li key={key}>
                {capabilityName(key)}
                {parts.length > 0 && <span className="text-zinc-600 dark:text-zinc-400"> ({parts.join(', ')})</span>}
              </li>
            )
          })}
        </ul>
      )}
      {unsupported.length > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          Not supported: {unsupported.map(([key]) => capabilityName(key)).join(', ')}
        </p>
      )}
      {entries.length === 0 && <span className="text-zinc-500">None listed</span>}
    </div>
  )
}

function RelativeAndExact({ iso, now }: { iso: string; now: number }) {
  return (
    <span className="text-zinc-500 dark:text-zinc-400">
      {formatRelativeDate(iso, now)} · {formatExactUtc(iso)}
    </span>
  )
}
