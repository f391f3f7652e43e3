import type { ModelPage } from './model'

/**
 * The first page of the view a page URL asks for, embedded by the server in the
 * HTML it sends (a `<script type="application/json">` with this id), so the
 * dashboard shows it without asking for it.
 */
export const FIRST_PAGE_ELEMENT_ID = 'first-page'

export interface EmbeddedFirstPage {
  /** The query string of `/api/models` this page answers, in its canonical form (listParamsToSearch). */
  search: string
  page: ModelPage
}
