import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { resetBff, server } from './bff-server'
import { dropQueuedUrlUpdates } from './url-update-queue'

// jsdom computes accessible names slowly: whole-page tests get more time than unit tests need.
configure({ asyncUtilTimeout: 4000 })
vi.setConfig({ testTimeout: 20_000 })

// jsdom loads no stylesheet, so both of a breakpoint's alternatives (the table and the phone's cards, the
// Filters button) would be on screen at once. Its window is 1024 px wide: from `sm` up, as Tailwind's
// `sm:hidden` says, the phone-only parts are hidden, so role queries see the page a desktop browser shows.
const breakpoint = document.createElement('style')
breakpoint.textContent = '.sm\\:hidden { display: none; }'
document.head.append(breakpoint)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => resetBff())
afterEach(() => {
  cleanup()
  // The app is gone, and so are the URL writes it had queued: none may land in the next test.
  dropQueuedUrlUpdates()
  server.resetHandlers()
  window.history.replaceState(null, '', '/')
})
afterAll(() => server.close())
