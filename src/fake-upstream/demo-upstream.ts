import { DEMO_MODELS } from './demo-catalogue'
import { createFakeUpstream, FAKE_API_KEY } from './fake-upstream'
import { syntheticCatalogue } from './synthetic-catalogue'

/** How a server reaches the demo's upstream: as any upstream, by a key, a base URL and a fetch. */
export interface DemoUpstream {
  apiKey: string
  /** Null: the server's configured base URL (a fetch given in a test ignores it anyway). */
  baseURL: string | null
  fetch: typeof globalThis.fetch
}

const DEMO_BASE_URL = 'http://demo-upstream.invalid'

/**
 * The demo's upstream: the fake in-process, serving the real line-up or a
 * synthetic catalogue of `models` entries, or `fetch` when one is given.
 * The catalogues stay behind its fetch, as a real upstream's do.
 */
export function demoUpstream(models: number | null, fetch?: typeof globalThis.fetch): DemoUpstream {
  if (fetch) return { apiKey: FAKE_API_KEY, baseURL: null, fetch }
  const fake = createFakeUpstream({ models: models ? syntheticCatalogue(models) : DEMO_MODELS })
  return { apiKey: FAKE_API_KEY, baseURL: DEMO_BASE_URL, fetch: fake.fetch }
}
