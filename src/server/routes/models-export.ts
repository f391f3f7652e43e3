import { parseListParams } from '../../contract/list-params-schema'
import { exportFilename, exportStream } from '../catalogue/export-format'
import { badRequest, toHttpError } from '../errors'
import { exportFormatOf, exportHeaders } from './export-request'
import { sendError } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'
import { viewOf } from '../catalogue/models-list-pages'

/**
 * `GET /api/models/export?format=csv|json&…`: the whole filtered, sorted view
 * the list parameters select (the same parse as `/api/models`) in the
 * request's workspace, streamed as a download.
 */
export function exportModels() {
  return async (c: WorkspaceContext): Promise<Response> => {
    const workspace = c.get('workspace')
    const search = new URL(c.req.url).searchParams
    const asked = exportFormatOf(search)
    if ('refused' in asked) return sendError(c, asked.refused)
    const { format } = asked
    const parsed = parseListParams(search)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const params = parsed.value
    try {
      const { snapshot } = await workspace.catalogue.get({ forceRefresh: params.refresh })
      const { models } = await viewOf(snapshot, params)
      const filename = exportFilename(params, snapshot.fetchedAt, format, workspace.name)
      return new Response(exportStream(models, format), {
        status: 200,
        headers: exportHeaders(format, filename, models.length),
      })
    } catch (error) {
      return sendError(c, toHttpError(error, { keyVariable: workspace.keyVariable }))
    }
  }
}
