import { DEFAULT_WORKSPACE } from '../../contract/workspace'
import { parseChangesParams } from '../../contract/history'
import { badRequest, toHttpError } from '../errors'
import { ATOM_CONTENT_TYPE, renderAtomFeed } from '../history/atom-feed'
import { type CatalogueHistory, freshen } from '../history/catalogue-history'
import { sendError, sendRevalidated } from '../respond'
import type { WorkspaceContext } from '../workspaces/select-workspace'

/**
 * `GET /feed.xml`: the changes of `GET /api/changes` (same parameters) as an Atom feed to subscribe to.
 * Its links use PUBLIC_URL when set: behind a proxy the request's own host is not the one readers know.
 */
export function changesFeed(history: CatalogueHistory, now: () => number, publicUrl: string | null) {
  return async (c: WorkspaceContext): Promise<Response> => {
    const { name: workspaceName, catalogue } = c.get('workspace')
    const requested = new URL(c.req.url)
    const url = publicUrl ? new URL(`${publicUrl}${requested.pathname}${requested.search}`) : requested
    const base = publicUrl ?? url.origin
    const parsed = parseChangesParams(url.searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const { since, limit, after_id: afterId, kind: kinds } = parsed.value
    freshen(catalogue)
    try {
      const [workspace, page] = await history.read((store) =>
        Promise.all([
          store.workspace(workspaceName),
          store.changes({ workspace: workspaceName, since, limit, afterId, kinds }),
        ]),
      )
      const xml = renderAtomFeed({
        history: workspace,
        changes: page.changes,
        selfUrl: url.href,
        pageUrl: workspaceName === DEFAULT_WORKSPACE ? `${base}/` : `${base}/?ws=${workspaceName}`,
        now: now(),
      })
      return sendRevalidated(c, xml, ATOM_CONTENT_TYPE)
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }
}
