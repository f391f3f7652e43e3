import type { Health } from '../../contract/model'
import { describeFailure } from '../errors'
import type { WorkspaceContext } from '../workspaces/select-workspace'
import type { Workspaces } from '../workspaces/workspaces'

/**
 * `GET /api/health`: 200 whenever this server is up, with the state of the
 * upstream as the request's workspace last saw it, and the names of all the
 * workspaces. It never waits for the upstream; with no snapshot yet, it
 * starts the first walk in the background.
 */
export function health(workspaces: Workspaces, mode: Health['mode'], now: () => number) {
  const names = workspaces.all.map((workspace) => workspace.name)
  return (c: WorkspaceContext): Response => {
    const { name, catalogue, keyVariable } = c.get('workspace')
    const state = catalogue.peek()
    if (!state.snapshot) catalogue.get().catch(() => {})
    const refreshError = state.refreshError ? describeFailure(state.refreshError, { keyVariable }) : null
    const walkingForSeconds = state.walkingForMs === null ? null : Math.round(state.walkingForMs / 100) / 10
    const body: Health = {
      status: 'ok',
      mode,
      workspace: name,
      workspaces: names,
      catalogue: state.snapshot
        ? {
            count: state.snapshot.models.length,
            fetched_at: new Date(state.snapshot.fetchedAt).toISOString(),
            age_seconds: Math.round((now() - state.snapshot.fetchedAt) / 1000),
            stale: state.stale,
            refresh_error: refreshError,
            walking_for_seconds: walkingForSeconds,
          }
        : {
            count: 0,
            fetched_at: null,
            age_seconds: null,
            stale: true,
            refresh_error: refreshError,
            walking_for_seconds: walkingForSeconds,
          },
    }
    return c.json(body, 200, { 'Cache-Control': 'no-store' })
  }
}
