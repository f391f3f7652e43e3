import { MODEL_ID_PATTERN } from '../../contract/list-params'
import { badRequest, toHttpError } from '../errors'
import { sendError } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'

const CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30'

/**
 * `GET /api/models/:id`: one model of the request's workspace, by id or alias.
 * An id the catalogue snapshot lists is answered from it, as the list is: no
 * upstream call, and it works while the upstream fails. Anything else (an
 * alias, an id the key cannot use) goes to the upstream, which resolves aliases.
 */
export function modelDetail() {
  return async (c: WorkspaceContext): Promise<Response> => {
    const id = c.req.param('id') ?? ''
    const workspace = c.get('workspace')
    // Whatever the upstream listed can be opened; only an id sent on to its URL must pass the path rule.
    const listed = workspace.catalogue.peek().snapshot?.model(id)
    if (listed) return c.json(listed, 200, { 'Cache-Control': CACHE_CONTROL })
    if (!MODEL_ID_PATTERN.test(id)) {
      return sendError(c, badRequest('The model id must be 1–256 letters, digits or . _ : @ - (and not only dots).'))
    }
    try {
      const model = await workspace.lookUpModel(id)
      return c.json(model, 200, { 'Cache-Control': CACHE_CONTROL })
    } catch (error) {
      return sendError(c, toHttpError(error, { modelId: id, keyVariable: workspace.keyVariable }))
    }
  }
}
