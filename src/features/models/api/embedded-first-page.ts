import type { InfiniteData } from '@tanstack/react-query'
import { type EmbeddedFirstPage, FIRST_PAGE_ELEMENT_ID } from '../../../contract/first-page'
import { type ModelPage, modelPageSchema } from '../../../contract/model'
import type { PageCursor } from '../../../lib/query-keys'

// undefined: not looked for yet. The server sets it around its render; the browser reads the HTML once.
let embedded: EmbeddedFirstPage | null | undefined
let used = false

/** The page the HTML carries, or null when it carries none (or one that does not read as a page). */
function readFromDocument(): EmbeddedFirstPage | null {
  const text = typeof document === 'undefined' ? null : document.getElementById(FIRST_PAGE_ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    const { search, page } = JSON.parse(text) as EmbeddedFirstPage
    return typeof search === 'string' ? { search, page: modelPageSchema.parse(page) } : null
  } catch {
    return null
  }
}

/** What the server renders with; null afterwards. */
export function provideEmbeddedFirstPage(value: EmbeddedFirstPage | null): void {
  embedded = value
  used = false
}

/** Whether a query took the embedded page since it was provided. */
export function embeddedFirstPageWasUsed(): boolean {
  return used
}

/**
 * The embedded page as the view's first loaded page, when it answers exactly
 * the request the dashboard would send (`search`). Taken once: a later visit
 * to the view asks the server.
 */
export function takeEmbeddedFirstPage(
  search: URLSearchParams,
  cursor: PageCursor,
): InfiniteData<ModelPage, PageCursor> | undefined {
  if (embedded === undefined) embedded = readFromDocument()
  if (!embedded || embedded.search !== search.toString()) return undefined
  const { page } = embedded
  embedded = null
  used = true
  return { pages: [page], pageParams: [cursor] }
}
