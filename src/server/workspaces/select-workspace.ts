import type { Context, MiddlewareHandler } from 'hono'
import type { ParseResult } from '../../contract/list-params'
import { badRequest } from '../errors'
import { searchParamsOf } from '../request-url'
import { sendError } from '../respond'
import type { Workspace, Workspaces } from './workspaces'

export interface WorkspaceEnv {
  Variables: { workspace: Workspace }
}
export type WorkspaceContext = Context<WorkspaceEnv>

/**
 * The workspace a request URL names with `workspace=`, or the default one
 * without it. An unknown name is an error that lists the known ones:
 * answering from another workspace would be silently wrong.
 */
export function pickWorkspace(workspaces: Workspaces, url: string): ParseResult<Workspace> {
  // Most requests name no workspace: they skip parsing the query string.
  const names = url.includes('workspace=') ? searchParamsOf(url).getAll('workspace') : []
  const asked = names.filter((name) => name !== '')
  if (asked.length === 0) return { ok: true, value: workspaces.default }
  if (asked.length > 1) return { ok: false, message: 'workspace was given more than once' }
  const workspace = workspaces.get(asked[0]!)
  if (workspace) return { ok: true, value: workspace }
  const known = workspaces.all.map((each) => each.name).join(', ')
  return {
    ok: false,
    message: `There is no workspace called "${asked[0]!.slice(0, 64)}" on this server. Its workspaces: ${known}.`,
  }
}

/** Hands the routes the snapshot of the request's workspace (see pickWorkspace), or answers 400. */
export function selectWorkspace(workspaces: Workspaces): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    const picked = pickWorkspace(workspaces, c.req.url)
    if (!picked.ok) return sendError(c, badRequest(picked.message))
    c.set('workspace', picked.value)
    await next()
  }
}
