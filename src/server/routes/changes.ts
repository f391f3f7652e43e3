import { type Change, type ChangesPage, parseChangesParams } from '../../contract/history'
import { badRequest, toHttpError } from '../errors'
import type { CatalogueHistory } from '../history/catalogue-history'
import { catalogueErrorOf } from './catalogue-error'
import type { StoredChange } from '../history/history-store'
import { sendError, sendRevalidated } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'

export function toChangeJson(change: StoredChange): Change {
  return {
    id: change.id,
    workspace: change.workspace,
    model_id: change.modelId,
    kind: change.kind,
    at: new Date(change.at).toISOString(),
    display_name: change.displayName,
    ...(change.before === null ? {} : { before: change.before }),
    ...(change.after === null ? {} : { after: change.after }),
  }
}

/** `GET /api/changes`: the catalogue's recorded changes, newest first, in cursor pages. */
export function listChanges(history: CatalogueHistory) {
  return async (c: WorkspaceContext): Promise<Response> => {
    const workspace = c.get('workspace')
    const workspaceName = workspace.name
    const parsed = parseChangesParams(new URL(c.req.url).searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const { since, limit, after_id: afterId, kind: kinds } = parsed.value
    try {
      const catalogueError = await catalogueErrorOf(workspace)
      const page = await history.read((store) =>
        store.changes({ workspace: workspaceName, since, limit, afterId, kinds }),
      )
      const body: ChangesPage = {
        data: page.changes.map(toChangeJson),
        catalogue_error: catalogueError,
        first_id: page.changes[0]?.id ?? null,
        last_id: page.changes.at(-1)?.id ?? null,
        has_more: page.hasMore,
      }
      return sendRevalidated(c, JSON.stringify(body), 'application/json; charset=utf-8')
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }
}
