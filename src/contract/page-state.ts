/**
 * The data a server-rendered page was rendered from, embedded by the server in
 * the HTML it sends (a `<script type="application/json">` with this id), so the
 * dashboard takes over the same page without asking for any of it again.
 */
export const PAGE_STATE_ELEMENT_ID = 'page-state'

export interface PageState {
  /** The render's clock (ms since the epoch): ages and relative dates read the same on both sides. */
  now: number
  /** React Query's dehydrated cache (its `DehydratedState`): only answers the server had. */
  queries: unknown
}
