import { http } from 'msw'
import { setupServer } from 'msw/node'
import { createFakeUpstream } from '../fake-upstream/fake-upstream'
import { syntheticCatalogue } from '../fake-upstream/synthetic-catalogue'
import { createApp } from '../server/create-app'
import { consoleLogger, type Logger } from '../server/logger'
import { TEST_CONFIG } from './test-app'

/** The catalogue component tests run on: 137 models, so pages of 20 end part-way ("121–137 of 137"). */
export const TEST_CATALOGUE = syntheticCatalogue(137)

/** The one fake upstream behind the real BFF; a test can fault it, slow it or change its models. */
export const fake = createFakeUpstream({ models: TEST_CATALOGUE })

/**
 * The servers a test can ask for: live (one key), demo (no key; the fake still answers in its place), and
 * workspaces: the default one, `staging` (the same key in another workspace of the fake, which lists a
 * variant of the catalogue) and `broken` (a key the fake refuses).
 */
export type BffMode = 'live' | 'demo' | 'workspaces'

const WORKSPACES_CONFIG = {
  ...TEST_CONFIG,
  workspaces: [
    { name: 'broken', keyVariable: 'ANTHROPIC_API_KEY_BROKEN', apiKey: 'sk-ant-refused-key', workspaceId: null },
    { name: 'staging', keyVariable: 'ANTHROPIC_API_KEY_STAGING', apiKey: TEST_CONFIG.apiKey!, workspaceId: 'staging' },
  ],
}

// Warnings (failed refreshes) show in the test output; a line for every request would bury them.
const WARNINGS_ONLY: Logger = { ...consoleLogger, debug() {}, info() {} }

function newApp(mode: BffMode) {
  const config =
    mode === 'demo' ? { ...TEST_CONFIG, apiKey: null } : mode === 'workspaces' ? WORKSPACES_CONFIG : TEST_CONFIG
  // On the real clock of component tests, a failed lookup is repeated for 1 s, not 5: a Retry waits that out.
  const repeatingBriefly = { ...config, lookupErrorTtlMs: 1_000 }
  return asServer(() =>
    createApp(repeatingBriefly, {
      fetch: fake.fetch,
      logger: WARNINGS_ONLY,
      pacing: { retryAfterFailureMs: 0, forcedRefreshIntervalMs: 0 },
    }),
  )
}

/**
 * The SDK refuses to be constructed where `window` exists (a guard against
 * keys in browsers). Here the "server" shares jsdom's globals with the page,
 * so it is built with `window` hidden for that moment; nothing else changes.
 */
function asServer<T>(build: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'window')
  Object.defineProperty(globalThis, 'window', { value: undefined, configurable: true, writable: true })
  try {
    return build()
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'window', descriptor)
  }
}

let app = newApp('live')
let gate: Promise<void> | null = null

/**
 * Holds every BFF answer from now until the returned function is called: a
 * slow server whose slowness does not depend on how fast the test machine is.
 * (The fake upstream's latency only slows the catalogue walk, not each page.)
 */
export function holdBffAnswers(): () => void {
  let release = () => {}
  gate = new Promise((resolve) => {
    release = () => {
      gate = null
      resolve()
    }
  })
  return release
}

/** Every request the page made to the BFF, as `path?query`, in order. */
export const bffRequests: string[] = []

/** A fresh BFF (empty catalogue snapshot) over a fresh fake, before each test. */
export function resetBff(mode: BffMode = 'live'): void {
  fake.reset()
  app = newApp(mode)
  gate = null
  bffRequests.length = 0
}

/** The BFF's own answer, for comparing what the page shows with what the server says. */
export async function bffJson<T = unknown>(pathAndQuery: string): Promise<T> {
  const response = await app.request(pathAndQuery)
  return (await response.json()) as T
}

// The real BFF answers the page's requests, in process: no network, and `onUnhandledRequest: 'error'` catches any other.
export const server = setupServer(
  http.all('*/api/*', async ({ request }) => {
    const url = new URL(request.url)
    bffRequests.push(`${url.pathname}${url.search}`)
    if (gate) await gate
    return app.fetch(request)
  }),
)
