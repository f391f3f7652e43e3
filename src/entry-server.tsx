import { dehydrate, hydrate, type QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import type { PageState } from './contract/page-state'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { fetchNextModelPages } from './features/models/api/next-pages-ahead'
import { loadLazyParts } from './features/models/components/models-dashboard'
import { setRenderClock } from './hooks/use-now'
import { type ApiTransport, setApiTransport } from './lib/api-request'

/** The page as HTML with the data it was rendered from (see PageState), the latter as JSON. */
export interface RenderedPage {
  html: string
  state: string
}

// Enough passes for the deepest chain of one view: the list, then a model it opens, then that model's replacement.
const MAX_PASSES = 4
// What the browser shows for a boundary the render could not finish (a lazy part not loaded yet).
const CLIENT_RENDERED_BOUNDARY = '<!--$!-->'

function renderApp(client: QueryClient, search: string, now: number): string {
  // renderToString is synchronous: the clock set is this render's alone.
  setRenderClock(now)
  try {
    return renderToString(<App queryClient={client} serverSearch={search} />)
  } finally {
    setRenderClock(null)
  }
}

/**
 * The server-render entry (Vite's `entry-server` convention), handed to the
 * BFF's createApp by the server entries: the dashboard for the page URL with
 * query string `search`, with its content, so any view a link names shows
 * before a script has run. Each pass renders what the dashboard would, and the
 * queries it asked for are answered through `transport` (the server's own
 * routes, in process) before the next; the lazy parts are loaded once, before
 * the first, so they render in place of their fallbacks. The
 * answers are settled by `deadline`: what has not come by then renders as it
 * would in the browser before its answer (a skeleton), and the browser asks.
 * The next page of the list shown is fetched too, as the browser would
 * prefetch it. The last pass renders from the dehydrated answers alone,
 * exactly as the browser will hydrate them, so the two renders match.
 */
export async function renderPage(
  search: string,
  transport: ApiTransport,
  deadline: AbortSignal,
): Promise<RenderedPage> {
  await lazyPartsLoaded
  const now = Date.now()
  const asking = createQueryClient({ retry: false })
  setApiTransport(asking, transport)
  for (let pass = 0; pass < MAX_PASSES && !deadline.aborted; pass++) {
    const html = renderApp(asking, search, now)
    const unasked = asking
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.status === 'pending' && query.state.fetchStatus === 'idle')
    if (unasked.length === 0 && !html.includes(CLIENT_RENDERED_BOUNDARY)) break
    const answered = Promise.all(unasked.map((query) => query.fetch().catch(() => undefined)))
    // Lazy parts resolve on a later turn of the event loop than their import.
    await Promise.race([answered.then(nextTurn), untilAborted(deadline)])
  }
  // What the browser would prefetch as soon as the page is on screen comes with the page instead.
  if (!deadline.aborted) await Promise.race([fetchNextModelPages(asking, deadline), untilAborted(deadline)])
  const queries = dehydrate(asking)
  const client = createQueryClient({ retry: false })
  hydrate(client, queries)
  const state: PageState = { now, queries }
  return { html: renderApp(client, search, now), state: JSON.stringify(state) }
}

// Loaded once, for every render: a loaded part renders at once (lazyModule); should loading fail, its fallback does.
const lazyPartsLoaded = loadLazyParts().catch(() => undefined)

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}
