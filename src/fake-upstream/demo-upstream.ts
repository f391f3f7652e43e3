import { DEMO_MODELS } from './demo-catalogue'
import { demoHistory, type PastWalk } from './demo-history'
import { createFakeUpstream, FAKE_API_KEY } from './fake-upstream'
import { syntheticCatalogue } from './synthetic-catalogue'
import { workspaceVariant } from './workspace-variant'

/** How a server reaches the demo's upstream: as any upstream, by a key, a base URL and a fetch. */
export interface DemoUpstream {
  apiKey: string
  /** Null: the server's configured base URL (a fetch given in a test ignores it anyway). */
  baseURL: string | null
  fetch: typeof globalThis.fetch
  /**
   * The real line-up's past (releases, deprecations, retirements at their
   * dates) up to `until`, for a history to start with: the default
   * workspace's (a null workspace id), or a demo workspace's, which sees its
   * own variant of the line-up. Null for a synthetic catalogue or a given
   * fetch, whose catalogue it would contradict.
   */
  pastWalks: ((workspaceId: string | null, until: number) => PastWalk[]) | null
}

const DEMO_BASE_URL = 'http://demo-upstream.invalid'

/**
 * The demo's upstream: the fake in-process, serving the real line-up or a
 * synthetic catalogue of `models` entries, or `fetch` when one is given.
 * The catalogues stay behind its fetch, as a real upstream's do.
 */
export function demoUpstream(models: number | null, fetch?: typeof globalThis.fetch): DemoUpstream {
  if (fetch) return { apiKey: FAKE_API_KEY, baseURL: null, fetch, pastWalks: null }
  const fake = createFakeUpstream({ models: models ? syntheticCatalogue(models) : DEMO_MODELS })
  return {
    apiKey: FAKE_API_KEY,
    baseURL: DEMO_BASE_URL,
    fetch: fake.fetch,
    pastWalks: models
      ? null
      : (workspaceId, until) =>
          demoHistory(workspaceId === null ? DEMO_MODELS : workspaceVariant(DEMO_MODELS, workspaceId, until), until),
  }
}
