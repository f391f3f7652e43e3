import type { ExportFormat } from '../../../components/export-links'
import type { AvailabilityQuery } from '../../../lib/query-keys'
import { availabilitySearch } from './get-availability'

/**
 * The address of `GET /api/availability/export` for the view on screen: its filter, sort and "only
 * differences", never its page size or page (the export is the whole view).
 */
export function availabilityExportUrl(query: AvailabilityQuery, format: ExportFormat): string {
  const search = availabilitySearch({ ...query, cursor: {} })
  search.delete('limit')
  search.set('format', format)
  return `/api/availability/export?${search.toString()}`
}
