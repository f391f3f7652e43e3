import { parseListParams } from '../../contract/list-params'
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  exportFilename,
  exportStream,
} from '../catalogue/export-format'
import { badRequest, toHttpError } from '../errors'
import { sendError } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'
import { viewOf } from '../catalogue/models-list-pages'

// An export is the whole view: a page size or a cursor would silently cut it, so they are refused.
const PAGING_PARAMS = ['limit', 'after_id', 'before_id'] as const

/**
 * `GET /api/models/export?format=csv|json&…`: the whole filtered, sorted view
 * the list parameters select (the same parse as `/api/models`) in the
 * request's workspace, streamed as a download.
 */
export function exportModels() {
  return async (c: WorkspaceContext): Promise<Response> => {
    const workspace = c.get('workspace')
    const search = new URL(c.req.url).searchParams
    const formats = search.getAll('format')
    const format = formats[0]
    if (formats.length !== 1 || !isExportFormat(format)) {
      return sendError(c, badRequest(`format must be given once, as ${EXPORT_FORMATS.join(' or ')}`))
    }
    const paging = PAGING_PARAMS.filter((name) => search.has(name))
    if (paging.length > 0) {
      return sendError(
        c,
        badRequest(
          `An export is the whole view: leave out ${paging.join(', ')} (it takes only the view's parameters).`,
        ),
      )
    }
    const parsed = parseListParams(search)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const params = parsed.value
    try {
      const { snapshot } = await workspace.catalogue.get({ forceRefresh: params.refresh })
      const models = viewOf(snapshot, params).models
      const filename = exportFilename(params, snapshot.fetchedAt, format, workspace.name)
      return new Response(exportStream(models, format), {
        status: 200,
        headers: {
          'Content-Type': EXPORT_CONTENT_TYPES[format],
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Cache-Control': 'no-store',
          'X-Total-Count': String(models.length),
        },
      })
    } catch (error) {
      return sendError(c, toHttpError(error, { keyVariable: workspace.keyVariable }))
    }
  }
}

function isExportFormat(value: string | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(value)
}
