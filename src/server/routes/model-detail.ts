import { MODEL_ID_PATTERN } from '../../contract/list-params'
import { badRequest, toHttpError } from '../errors'
import { sendError } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'

/** `GET /api/models/:id`: one model of the request's workspace, by id or alias (the upstream resolves aliases). */
export function modelDetail() {
  return async (c: WorkspaceContext): Promise<Response> => {
    const id = c.req.param('id') ?? ''
    if (!MODEL_ID_PATTERN.test(id)) {
      return sendError(c, badRequest('The model id must be 1–256 letters, digits or . _ : @ - (and not only dots).'))
    }
    const workspace = c.get('workspace')
    try {
      const model = await workspace.lookUpModel(id)
      return c.json(model, 200, { 'Cache-Control': 'public, max-age=5, stale-while-revalidate=30' })
    } catch (error) {
      return sendError(c, toHttpError(error, { modelId: id, keyVariable: workspace.keyVariable }))
    }
  }
}
