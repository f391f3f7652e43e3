import { render, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, expect } from 'vitest'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { App } from '../app/app'
import { createQueryClient } from '../app/query-client'

// The dashboard's lazy chunks (see models-dashboard.tsx), loaded before each file's tests: the first import
// compiles them, and on a loaded machine that alone outlasts the wait of the first test to open one.
beforeAll(async () => {
  await Promise.all([
    import('../features/models/components/lazy-panels'),
    import('../features/shortcuts/components/shortcuts-dialog'),
  ])
})

/** Renders the whole dashboard as a browser would open `url`: a new page. */
export function renderApp(url = '/') {
  window.history.replaceState(null, '', url)
  const user = userEvent.setup()
  const queryClient = createQueryClient()
  // As main.tsx renders it: StrictMode runs every effect twice, which shakes out effects that are not idempotent.
  const view = render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )
  return { user, queryClient, ...view }
}

/** The ids of the rows on screen, in order (each row's first cell starts with its id). */
export function rowIds(): string[] {
  const table = screen.getByRole('table', { name: 'Models', hidden: true })
  // Straight from the DOM: role queries over 100 rows are slow in jsdom, and the structure is what is checked here.
  return [...table.querySelectorAll('tbody > tr')].map((row) => row.querySelector('td')?.textContent ?? '')
}

/** The current URL's search parameters. */
export function urlParams(): URLSearchParams {
  return new URLSearchParams(window.location.search)
}

/** Only the list requests, as their query strings. */
export function listRequests(requests: readonly string[]): URLSearchParams[] {
  return requests
    .filter((request) => request.startsWith('/api/models?') || request === '/api/models')
    .map((request) => new URLSearchParams(request.split('?')[1] ?? ''))
}

function pages() {
  return within(screen.getByRole('navigation', { name: 'Pages' }))
}

/** The paging buttons (found inside their navigation landmark: quicker than searching the whole page). */
export const nextPageButton = () => pages().getByRole('button', { name: 'Next page' })
export const previousPageButton = () => pages().getByRole('button', { name: 'Previous page' })

/** Waits until the range text (e.g. "21–40 of 137") is on screen. */
export async function findRange(text: string): Promise<HTMLElement> {
  // Hidden too: behind an open dialog the page is aria-hidden, and its range still counts.
  return within(screen.getByRole('navigation', { name: 'Pages', hidden: true })).findByText(text)
}

/** Waits until no page is loading, prefetches included (the table is not busy and the BFF has been quiet). */
export async function waitUntilSettled(): Promise<void> {
  await waitFor(() => expect(screen.getByRole('table', { name: 'Models' })).toHaveAttribute('aria-busy', 'false'))
}
