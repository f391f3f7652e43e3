import type { Context } from 'hono'
import { PAGE_STATE_ELEMENT_ID } from '../../contract/page-state'
import { pageTitle, type PageTitle } from '../../contract/page-title'
import { etagFor, matchesEtag } from '../etag'
import type { Workspaces } from '../workspaces/workspaces'

/** A GET of the server's own API, in process, for the page being rendered: path and query string. */
export type PageDataSource = (target: string, signal?: AbortSignal) => Promise<Response>

/**
 * The dashboard's HTML for the page URL with query string `search`, and the
 * data it was rendered from (JSON), asked of `source` until `deadline`. The
 * client's `entry-server.tsx` is one; the server entry hands it in.
 */
export type PageRenderer = (
  search: string,
  source: PageDataSource,
  deadline: AbortSignal,
) => Promise<{ html: string; state: string }>

/** How long a page's render may wait for its data; what is later is asked by the browser. */
export const PAGE_DATA_DEADLINE_MS = 1000

const ROOT = '<div id="root"></div>'
// index.html's title, description and Open Graph tags, from <title> to og:description: written per view.
const HEAD_TAGS = /<title>[\s\S]*?<meta\s+property="og:description"[^>]*>/

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** The page with the title and description of its view, for the tab, search engines and a pasted link's preview (in place of index.html's). */
function withHeadTags(html: string, { title, description }: PageTitle): string {
  const tags = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}" />`,
    '<meta property="og:type" content="website" />',
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
  ].join('\n    ')
  return html.replace(HEAD_TAGS, () => tags)
}

/**
 * The dashboard's HTML for a page URL: whatever view the URL names (the list
 * with its filters, columns and workspace, an open model, a comparison,
 * Changes, Availability), rendered with its content from the same routes
 * `/api` answers with (in process, as the caller who asked for the page), and
 * that data embedded as JSON (not a script the CSP would have to allow) for the
 * dashboard to take the page over without asking again. The page never waits
 * for a first walk: while the workspace it shows has no catalogue snapshot, it
 * gets the bare HTML and the dashboard asks as usual.
 */
export function indexPage({
  indexHtml,
  renderPage,
  workspaces,
  dataSource,
}: {
  indexHtml: string
  renderPage: PageRenderer
  workspaces: Workspaces
  /** The `/api` routes for the caller of `c`, in process. */
  dataSource: (c: Context) => PageDataSource
}) {
  function hasSnapshot(search: URLSearchParams): boolean {
    const named = search.get('ws')
    const workspace = (named && workspaces.get(named)) || workspaces.default
    return workspace.catalogue.peek().snapshot !== null
  }

  async function rendered(c: Context, search: URLSearchParams): Promise<string> {
    if (!hasSnapshot(search)) return indexHtml
    const { html, state } = await renderPage(
      `?${search.toString()}`,
      dataSource(c),
      AbortSignal.timeout(PAGE_DATA_DEADLINE_MS),
    )
    // JSON with every `<` escaped cannot close its script element; React escapes the rendered text.
    const json = state.replaceAll('<', '\\u003c')
    return indexHtml.replace(
      ROOT,
      `<div id="root">${html}</div><script type="application/json" id="${PAGE_STATE_ELEMENT_ID}">${json}</script>`,
    )
  }

  // Private: the page is rendered per request from the live catalogue and for its caller, and no shared cache
  // may keep it; revalidated each time, so an unchanged page costs a 304.
  return async (c: Context) => {
    const search = new URL(c.req.url).searchParams
    const snapshot = workspaces.default.catalogue.peek().snapshot
    // Names from the default workspace's catalogue, which this page shows; another workspace's model goes by its id.
    const head = pageTitle(search, (id) => (search.has('ws') ? undefined : snapshot?.model(id)?.display_name))
    const html = withHeadTags(await rendered(c, search), head)
    const headers = { 'Cache-Control': 'private, no-cache', ETag: etagFor(0, html) }
    if (matchesEtag(c.req.header('if-none-match'), headers.ETag)) return c.body(null, 304, headers)
    return c.html(html, 200, headers)
  }
}
