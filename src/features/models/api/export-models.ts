import { listParamsToSearch } from '../../../contract/list-params'
import type { ModelsView } from './get-models'

export type ExportFormat = 'csv' | 'json'

/**
 * The address of `GET /api/models/export` for a view: the whole filtered,
 * sorted result, whatever page is on screen. A plain link downloads it; the
 * server builds the file and names it.
 */
export function exportUrl(view: ModelsView, format: ExportFormat): string {
  // Everything that selects the view goes along; the page size does not, the export has no pages.
  const { limit: _limit, q, sort, ...rest } = view
  const search = listParamsToSearch({ ...rest, q: q || undefined, sort: sort ?? undefined })
  search.set('format', format)
  return `/api/models/export?${search.toString()}`
}
