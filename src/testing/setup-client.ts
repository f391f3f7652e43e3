import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { resetBff, server } from './bff-server'
import { emulateWidth } from './breakpoints'

// jsdom computes accessible names slowly: whole-page tests get more time than unit tests need.
configure({ asyncUtilTimeout: 4000 })
vi.setConfig({ testTimeout: 20_000 })

emulateWidth('wide')

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => resetBff())
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.history.replaceState(null, '', '/')
  emulateWidth('wide')
})
afterAll(() => server.close())
