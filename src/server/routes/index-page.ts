import type { Context } from 'hono'
import { type EmbeddedFirstPage, FIRST_PAGE_ELEMENT_ID } from '../../contract/first-page'
import { modelPageSchema } from '../../contract/model'
import { pageTitle, type PageTitle } from '../../contract/page-title'
import type { CachedPage } from '../catalogue/cached-page'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import type { ModelsListPages } from '../catalogue/models-list-pages'
import { etagFor, matchesEtag } from '../etag'

/**
 * The dashboard's HTML for the page URL with query string `search`, its rows
 * from `first`; null when the dashboard would not take that page for the URL.
 * The client's `entry-server.tsx` is one; the server entry hands it in.
 */
export type PageRenderer = (first: EmbeddedFirstPage, search: string) => string | null

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
 * The dashboard's HTML for a page URL, with the first page of the view in
 * that URL: the same parse and the same cached answer as `/api/models`,
 * embedded as JSON (not a script the CSP would have to allow) and rendered
 * into #root, so the first rows need no script and no second request. A URL
 * `/api/models` would refuse, a cursor no longer in the view, or a server with
 * no catalogue yet (the page never waits for the upstream) get the bare HTML,
 * and the dashboard asks as usual.
 */
// The render takes the list's parameters only; a URL with others (another view,
// extra columns) would render differently, so it gets the bare HTML instead.
const LIST_PAGE_PARAMS = new Set([
  'limit',
  'after_id',
  'before_id',
  'q',
  'sort',
  'lifecycle',
  'line',
  'caps',
  'min_context',
  'retiring_within',
  'refresh',
  'model',
])

function rendersAsListed(search: URLSearchParams): boolean {
  return [...search.keys()].every((key) => LIST_PAGE_PARAMS.has(key))
}

export function indexPage({
  indexHtml,
  renderPage,
  pages,
  catalogue,
}: {
  indexHtml: string
  renderPage: PageRenderer
  pages: ModelsListPages
  catalogue: CatalogueCache
}) {
  // Rendered once per cached answer (a view's first page of one snapshot), as the answer itself is.
  const rendered = new WeakMap<CachedPage, string | null>()

  function render(cached: CachedPage, search: string): string | null {
    const first = { search, page: modelPageSchema.parse(JSON.parse(cached.body)) }
    const html = renderPage(first, `?${search}`)
    if (html === null) return null
    // JSON with every `<` escaped cannot close its script element; React escapes the rendered text.
    const json = `{"search":${JSON.stringify(search)},"page":${cached.body}}`.replaceAll('<', '\\u003c')
    return indexHtml.replace(
      ROOT,
      `<div id="root">${html}</div><script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${json}</script>`,
    )
  }

  async function withFirstPage(url: string): Promise<string | null> {
    if (!rendersAsListed(new URL(url).searchParams)) return null
    const parsed = pages.parse(url)
    if (!parsed.ok || parsed.value.refresh || !catalogue.peek().snapshot) return null
    let cached: CachedPage
    try {
      cached = await pages.page(parsed.value)
    } catch {
      return null
    }
    if (!rendered.has(cached)) rendered.set(cached, render(cached, parsed.value.pageKey))
    return rendered.get(cached)!
  }

  // Private: the page is rendered per request from the live catalogue, and no shared cache may keep it;
  // revalidated each time, so an unchanged page costs a 304.
  return async (c: Context) => {
    const search = new URL(c.req.url).searchParams
    const snapshot = catalogue.peek().snapshot
    // Names from the default workspace's catalogue, which this page shows; another workspace's model goes by its id.
    const head = pageTitle(search, (id) => (search.has('ws') ? undefined : snapshot?.model(id)?.display_name))
    const html = withHeadTags((await withFirstPage(c.req.url)) ?? indexHtml, head)
    const headers = { 'Cache-Control': 'private, no-cache', ETag: etagFor(0, html) }
    if (matchesEtag(c.req.header('if-none-match'), headers.ETag)) return c.body(null, 304, headers)
    return c.html(html, 200, headers)
  }
}
