import { badRequest, toHttpError } from '../errors'
import { sendError } from '../respond'
import { securedResponse } from '../security-headers'
import type { WorkspaceContext } from '../workspaces/select-workspace'

/** `GET /api/models`: a cursor page of one filtered, sorted view of the workspace's catalogue snapshot. */
export function listModels() {
  return async (c: WorkspaceContext): Promise<Response> => {
    const { pages, keyVariable } = c.get('workspace')
    const ifNoneMatch = c.req.header('if-none-match')
    // A built page goes through the same door as the Node fast path's (list-fast-path.ts).
    const cached = pages.answerFromCache(c.req.url, ifNoneMatch)
    if (cached) return securedResponse(cached.body, cached.status, cached.headers, c.get('requestId'))
    const parsed = pages.parse(c.req.url)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    try {
      const answer = await pages.answer(parsed.value, ifNoneMatch)
      return securedResponse(answer.body, answer.status, answer.headers, c.get('requestId'))
    } catch (error) {
      return sendError(c, toHttpError(error, { keyVariable }))
    }
  }
}
