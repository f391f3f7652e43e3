import { facetParams, listParamsToSearch } from '../../../contract/list-params'
import { inWorkspace } from '../../../lib/api-request'
import type { ModelsView } from '../../../lib/query-keys'

import type { ExportFormat } from '../../../components/export-links'

/**
 * The address of `GET /api/models/export` for a view: the whole filtered,
 * sorted result, whatever page is on screen. A plain link downloads it; the
 * server builds the file and names it.
 */
export function exportUrl(view: ModelsView, format: ExportFormat): string {
  // Everything that selects the view goes along; the page size does not, the export has no pages.
  const { q, sort, workspace, lifecycle } = view
  const search = inWorkspace(
    workspace,
    listParamsToSearch({ lifecycle, q: q || undefined, sort: sort ?? undefined, ...facetParams(view) }),
  )
  search.set('format', format)
  return `/api/models/export?${search.toString()}`
}
