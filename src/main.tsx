import { type DehydratedState, hydrate } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { keepEarlyClicks } from './app/early-clicks'
import { replayEarlyInput } from './app/replay-early-input'
import { PAGE_STATE_ELEMENT_ID, type PageState } from './contract/page-state'
import { loadPartsShownBy } from './features/models/components/models-dashboard'
import { setRenderClock } from './hooks/use-now'
import './app/styles.css'

/** The data the server rendered the page from, or null when it sent the bare page (or one that does not read). */
function readPageState(): PageState | null {
  const text = document.getElementById(PAGE_STATE_ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    const state = JSON.parse(text) as PageState
    return typeof state.now === 'number' && typeof state.queries === 'object' ? state : null
  } catch {
    return null
  }
}

const root = document.getElementById('root')!
const earlyClicks = keepEarlyClicks()

/** The page answers keys and clicks from here on: said on `<html data-interactive>`, for tests and tools. */
function whenInteractive() {
  setRenderClock(null)
  replayEarlyInput(root)
  earlyClicks.replay()
  document.documentElement.dataset.interactive = ''
}
const client = createQueryClient()
const state = readPageState()
const app = (
  <StrictMode>
    {/* The URL state reads its "server" URL while hydrating: this page's, as the server had it. */}
    <App queryClient={client} serverSearch={window.location.search} onHydrated={whenInteractive} />
  </StrictMode>
)
if (state && root.firstElementChild) {
  // The server's page, taken over in place: the same answers and the same clock render the same HTML.
  hydrate(client, state.queries as DehydratedState)
  setRenderClock(state.now)
  // As a transition, the take-over yields to the browser every few ms (the page is already on screen): short
  // tasks instead of one long one, so a tap meanwhile is answered (Lighthouse's Total Blocking Time).
  const takeOver = () =>
    startTransition(() => {
      earlyClicks.stopKeeping()
      hydrateRoot(root, app, {
        // A part of the page drawn again instead of taken over: said in the console, where a test or a person looks.
        onRecoverableError: (error) => console.error('The page could not take over the server-rendered HTML:', error),
      })
    })
  // Without a part's code (a network failure), the page is still taken over; that part is drawn again.
  loadPartsShownBy(window.location.search).then(takeOver, takeOver)
} else {
  earlyClicks.stopKeeping()
  createRoot(root).render(app)
}
