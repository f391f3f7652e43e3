import type { Context, MiddlewareHandler } from 'hono'
import { badRequest } from '../errors'
import { sendError } from '../respond'
import type { Workspace, Workspaces } from './workspaces'

export interface WorkspaceEnv {
  Variables: { workspace: Workspace }
}
export type WorkspaceContext = Context<WorkspaceEnv>

/**
 * Takes the request's `workspace=` (the default workspace without it) and
 * hands the routes its snapshot. An unknown name is a 400 that lists the
 * known ones: answering from another workspace would be silently wrong.
 */
export function selectWorkspace(workspaces: Workspaces): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    // Most requests name no workspace: they skip parsing the query string.
    const names = c.req.url.includes('workspace=') ? new URL(c.req.url).searchParams.getAll('workspace') : []
    const asked = names.filter((name) => name !== '')
    if (asked.length > 1) return sendError(c, badRequest('workspace was given more than once'))
    const workspace = asked.length === 0 ? workspaces.default : workspaces.get(asked[0]!)
    if (!workspace) {
      const known = workspaces.all.map((each) => each.name).join(', ')
      return sendError(
        c,
        badRequest(
          `There is no workspace called "${asked[0]!.slice(0, 64)}" on this server. Its workspaces: ${known}.`,
        ),
      )
    }
    c.set('workspace', workspace)
    await next()
  }
}
