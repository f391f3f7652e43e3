import { parseSeenParams, type SeenAnswer } from '../../contract/history'
import { badRequest, toHttpError } from '../errors'
import type { CatalogueHistory } from '../history/catalogue-history'
import { SEEN_PAGE_MAX_BYTES } from '../history/seen-page'
import { catalogueErrorOf } from './catalogue-error'
import { sendError, sendRevalidated } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'

const isoOrNull = (time: number | null) => (time === null ? null : new Date(time).toISOString())

/**
 * `GET /api/seen`: first and last seen of the models that came or went since
 * the history began, for the dashboard's "New" badge and its search of removed
 * models; in cursor pages by model id, bounded by `limit` and by bytes.
 */
export function seenModels(history: CatalogueHistory) {
  return async (c: WorkspaceContext): Promise<Response> => {
    const workspace = c.get('workspace')
    const workspaceName = workspace.name
    const parsed = parseSeenParams(new URL(c.req.url).searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const { since, limit, after_id: afterId, before_id: beforeId, model_id: modelId } = parsed.value
    try {
      const catalogueError = await catalogueErrorOf(workspace)
      const [recorded, page] = await history.read((store) =>
        Promise.all([
          store.workspace(workspaceName),
          store.seen({
            workspace: workspaceName,
            since,
            limit,
            afterId,
            beforeId,
            modelId,
            maxBytes: SEEN_PAGE_MAX_BYTES,
          }),
        ]),
      )
      const body: SeenAnswer = {
        workspace: recorded.workspace,
        history_started_at: isoOrNull(recorded.firstWalkAt),
        last_walk_at: isoOrNull(recorded.lastWalkAt),
        catalogue_error: catalogueError,
        data: page.records.map((record) => ({
          model_id: record.modelId,
          display_name: record.displayName,
          first_seen: new Date(record.firstSeen).toISOString(),
          baseline: record.baseline,
          // While a model is listed, the latest walk saw it.
          last_seen: new Date(record.lastSeen ?? recorded.lastWalkAt ?? record.firstSeen).toISOString(),
          removed_at: isoOrNull(record.removedAt),
        })),
        first_id: page.records[0]?.modelId ?? null,
        last_id: page.records.at(-1)?.modelId ?? null,
        has_more: page.hasMore,
      }
      return sendRevalidated(c, JSON.stringify(body), 'application/json; charset=utf-8')
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }
}
