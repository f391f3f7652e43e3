import type { Context, MiddlewareHandler } from 'hono'
import { callerOf } from '../auth/identity'
import { isSecuredResponse } from '../security-headers'
import type { WorkspaceEnv } from '../workspaces/select-workspace'
import { newRequestId } from './request-id'
import type { RequestRecorder } from './request-recorder'

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's id: the `request-id` header, error bodies' `request_id` and the log line's. */
    requestId: string
  }
}

/**
 * Gives each request an id and, once it is answered, sends the id as the
 * `request-id` header and records the request (log line and duration). It
 * runs first, so every answer has an id, the sign-in's refusals included.
 */
export function observeRequests(record: RequestRecorder): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = newRequestId()
    c.set('requestId', requestId)
    await next()
    if (!isSecuredResponse(c.res)) setResponseHeader(c, 'request-id', requestId)
    // Set by selectWorkspace, for the routes that answer for a workspace.
    const workspace = c.get('workspace') as WorkspaceEnv['Variables']['workspace'] | undefined
    record({
      requestId,
      method: c.req.method,
      // After next(), the route of the handler that answered (Hono leaves the index there).
      route: c.req.routePath,
      path: c.req.path,
      status: c.res.status,
      seconds: (performance.now() - started) / 1000,
      user: callerOf(c.get('identity')),
      workspace: workspace?.name ?? null,
    })
  }
}

function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value)
  } catch {
    // A response passed through from fetch() has immutable headers: send a copy.
    c.res = new Response(c.res.body, c.res)
    c.res.headers.set(name, value)
  }
}
