import { renderToString } from 'react-dom/server'
import type { EmbeddedFirstPage } from './contract/first-page'
import { embeddedFirstPageWasUsed, provideEmbeddedFirstPage } from './features/models/api/embedded-first-page'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'

/**
 * The server-render entry (Vite's `entry-server` convention), handed to the
 * BFF's createApp by the server entries. The dashboard as HTML for the page URL with query string `search`, its rows
 * from the embedded first page, so they show before any script has run; the
 * browser then renders over it with the same page. Null when the dashboard
 * would not take this page for that URL (its own parse of the URL differs).
 */
export function renderPage(first: EmbeddedFirstPage, search: string): string | null {
  provideEmbeddedFirstPage(first)
  try {
    // renderToString is synchronous: the page provided is this render's alone.
    const html = renderToString(<App queryClient={createQueryClient()} serverSearch={search} />)
    return embeddedFirstPageWasUsed() ? html : null
  } finally {
    provideEmbeddedFirstPage(null)
  }
}
