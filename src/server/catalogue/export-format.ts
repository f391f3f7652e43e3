import { DEFAULT_WORKSPACE } from '../../contract/workspace'
import type { Model } from '../../contract/model'
import { isReleaseDateUnknown } from '../../contract/model-values'

export const EXPORT_FORMATS = ['csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
}

/** Every model has these; they come first, in this order. */
const BASE_COLUMNS = ['id', 'display_name', 'created_at', 'type'] as const
/** The newer optional fields, in the order a reader expects them after the base ones. */
const OPTIONAL_COLUMNS = [
  'lifecycle',
  'deprecated_at',
  'retires_at',
  'line',
  'max_input_tokens',
  'max_tokens',
  'capabilities',
] as const

/** Models per chunk of the stream: big enough to be cheap, small enough to start sending at once. */
const MODELS_PER_CHUNK = 500

/**
 * The CSV columns of a view: the base four, then every other field that at
 * least one of its models has (the known optional ones first), so a seed-era
 * catalogue gives four columns and nothing is lost from a newer one.
 */
export function csvColumns(models: readonly Model[]): string[] {
  const present = new Set<string>()
  for (const model of models) {
    for (const [key, value] of Object.entries(model)) if (value !== undefined) present.add(key)
  }
  const known = new Set<string>([...BASE_COLUMNS, ...OPTIONAL_COLUMNS])
  return [
    ...BASE_COLUMNS,
    ...OPTIONAL_COLUMNS.filter((column) => present.has(column)),
    ...[...present].filter((column) => !known.has(column)),
  ]
}

// Characters a spreadsheet reads as the start of a formula, their full-width forms included (＝＋－＠).
const FORMULA = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20'
// What a spreadsheet skips before a cell's first character: whitespace, line breaks, no-break and ideographic spaces, BOM.
const BLANKS = '\\s\\u00A0\\u3000\\uFEFF'
// A tab or CR first is itself a formula start (OWASP); otherwise a formula character after any blanks.
const FORMULA_START = new RegExp(`^(?:[\\t\\r]|[${BLANKS}]*[${FORMULA}])`)
// A separator some locale or import uses (`;` in much of Europe, tab, a line break), then a formula start:
// split there, the rest would be a cell of its own.
const FORMULA_AFTER_SEPARATOR = new RegExp(`([,;\\t\\r\\n])(?=[${BLANKS}]*[${FORMULA}])`, 'g')
const NEEDS_QUOTES = /[",;\t\r\n]/

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, a separator (comma,
 * semicolon, tab) or a line break, quotes doubled. A cell a spreadsheet would
 * run as a formula, once blanks are trimmed, gets a leading `'`, which shows
 * it as text (OWASP's advice for CSV injection); so does each part of it that
 * would start a cell of its own if a reader split it at `;`, tab or a line break.
 */
export function csvCell(value: unknown): string {
  let text: string
  if (value === null || value === undefined) text = ''
  else if (typeof value === 'string') text = value
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value)
  else text = JSON.stringify(value)
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'")
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * A model's field as the CSV shows it: an unknown release date (the upstream's
 * epoch, or a value that is no date) is an empty cell, as the screen says
 * "Unknown"; JSON keeps the upstream's value.
 */
export function csvValue(model: Pick<Model, 'created_at'>, column: string): unknown {
  if (column === 'created_at' && isReleaseDateUnknown(model.created_at)) return ''
  return (model as unknown as Record<string, unknown>)[column]
}

/** How the rows of an export are written: the CSV's header and cells, and each row's JSON. */
export interface ExportShape<T> {
  csvHeader: readonly string[]
  csvCells: (row: T) => readonly unknown[]
  json: (row: T) => unknown
}

/** Rows as a stream of text, in chunks, so a large view starts downloading at once: CSV, or a JSON array. */
export function rowsStream<T>(
  rows: readonly T[],
  format: ExportFormat,
  shape: ExportShape<T>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let next = 0
  let started = false

  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = ''
      if (!started) {
        started = true
        text = format === 'csv' ? csvRow(shape.csvHeader) : '['
      }
      const end = Math.min(next + MODELS_PER_CHUNK, rows.length)
      for (; next < end; next += 1) {
        const row = rows[next]!
        if (format === 'csv') text += csvRow(shape.csvCells(row))
        else text += `${next === 0 ? '' : ','}\n${JSON.stringify(shape.json(row))}`
      }
      if (next >= rows.length && format === 'json') text += rows.length === 0 ? ']\n' : '\n]\n'
      controller.enqueue(encoder.encode(text))
      if (next >= rows.length) controller.close()
    },
  })
}

/** The models as a stream of text: the columns they have, or the upstream's objects as they came. */
export function exportStream(models: readonly Model[], format: ExportFormat): ReadableStream<Uint8Array> {
  const columns = format === 'csv' ? csvColumns(models) : []
  return rowsStream(models, format, {
    csvHeader: columns,
    csvCells: (model) => columns.map((column) => csvValue(model, column)),
    json: (model) => model,
  })
}

/**
 * `models-<view>-<date>.<format>`: the filter and sort in a few safe
 * characters (letters, digits, `-` and `_` only), so the name is valid on
 * every system and cannot break out of the header.
 */
export function exportFilename(
  view: {
    q?: string
    sort?: string
    lifecycle?: readonly string[]
    line?: readonly string[]
    caps?: readonly string[]
    min_context?: number
    retiring_within?: number
  },
  at: number,
  format: ExportFormat,
  workspace: string = DEFAULT_WORKSPACE,
): string {
  const parts: string[] = []
  const terms = slug(view.q ?? '')
  if (terms) parts.push(terms)
  if (view.lifecycle) parts.push(slug(view.lifecycle.join('-')))
  if (view.line) parts.push(slug(view.line.join('-')))
  if (view.caps) parts.push(`with-${slug(view.caps.join('-'))}`)
  if (view.min_context !== undefined) parts.push(`context-${view.min_context}`)
  if (view.retiring_within !== undefined) parts.push(`retiring-${view.retiring_within}d`)
  if (view.sort) {
    const descending = view.sort.startsWith('-')
    parts.push(`by-${slug(view.sort.replace(/^-/, ''))}${descending ? '-desc' : ''}`)
  }
  const name = parts.join('-').slice(0, 80).replace(/-+$/, '') || 'all'
  const date = new Date(at).toISOString().slice(0, 10)
  // The default workspace stays out of the name, as it stays out of the URL.
  const prefix = workspace === DEFAULT_WORKSPACE ? 'models' : `models-${slug(workspace)}`
  return `${prefix}-${name}-${date}.${format}`
}

/** Letters, digits, `-` and `_` only: safe in a file name and a header. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
