import type { Context } from 'hono'
import { parseChangesParams } from '../../contract/history'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import { badRequest, toHttpError } from '../errors'
import { ATOM_CONTENT_TYPE, renderAtomFeed } from '../history/atom-feed'
import { type CatalogueHistory, freshen } from '../history/catalogue-history'
import { DEFAULT_WORKSPACE } from '../history/history-store'
import { sendError, sendRevalidated } from '../respond'

/** `GET /feed.xml`: the changes of `GET /api/changes` (same parameters) as an Atom feed to subscribe to. */
export function changesFeed(history: CatalogueHistory, catalogue: CatalogueCache, now: () => number) {
  return async (c: Context): Promise<Response> => {
    const url = new URL(c.req.url)
    const parsed = parseChangesParams(url.searchParams)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    const { since, limit, after_id: afterId } = parsed.value
    freshen(catalogue)
    try {
      const [workspace, page] = await history.read((store) =>
        Promise.all([
          store.workspace(DEFAULT_WORKSPACE),
          store.changes({ workspace: DEFAULT_WORKSPACE, since, limit, afterId }),
        ]),
      )
      const xml = renderAtomFeed({
        history: workspace,
        changes: page.changes,
        selfUrl: url.href,
        pageUrl: `${url.origin}/`,
        now: now(),
      })
      return sendRevalidated(c, xml, ATOM_CONTENT_TYPE)
    } catch (error) {
      return sendError(c, toHttpError(error))
    }
  }
}
