import type { AvailabilityParams, AvailabilityRow, AvailabilityWorkspace } from '../../contract/availability'
import { csvValue, type ExportFormat, rowsStream, slug } from './export-format'

/** A workspace whose catalogue could not be read: its cells say so rather than pass for absent. */
export const UNKNOWN_STATUS = 'unknown'

/**
 * The availability matrix as a download: CSV with `id`, `display_name`, `created_at` (empty when the
 * upstream does not know it, as in the models export) and one `status:<workspace>` column per workspace;
 * JSON as an array of rows, each with its status in every workspace. The same neutralised CSV cells as
 * the models export (export-format.ts).
 */
export function availabilityExportStream(
  rows: readonly AvailabilityRow[],
  workspaces: readonly Pick<AvailabilityWorkspace, 'name'>[],
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const names = workspaces.map((workspace) => workspace.name)
  const statuses = (row: AvailabilityRow) => names.map((name) => row.status[name] ?? UNKNOWN_STATUS)
  return rowsStream(rows, format, {
    csvHeader: ['id', 'display_name', 'created_at', ...names.map((name) => `status:${name}`)],
    csvCells: (row) => [row.id, row.display_name, csvValue(row, 'created_at'), ...statuses(row)],
    json: (row) => ({
      id: row.id,
      display_name: row.display_name,
      created_at: row.created_at,
      status: Object.fromEntries(names.map((name) => [name, row.status[name] ?? UNKNOWN_STATUS])),
    }),
  })
}

/** `availability-<view>-<date>.<format>`, the view's filter and sort in safe characters, as models exports are named. */
export function availabilityFilename(
  params: Pick<AvailabilityParams, 'q' | 'sort' | 'differs'>,
  at: number,
  format: ExportFormat,
): string {
  const parts: string[] = []
  const terms = slug(params.q ?? '')
  if (terms) parts.push(terms)
  if (params.differs) parts.push('differs')
  const descending = params.sort.startsWith('-')
  parts.push(`by-${slug(params.sort.replace(/^-/, ''))}${descending ? '-desc' : ''}`)
  const name = parts.join('-').slice(0, 80).replace(/-+$/, '')
  return `availability-${name}-${new Date(at).toISOString().slice(0, 10)}.${format}`
}
