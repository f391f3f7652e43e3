import { DEFAULT_WORKSPACE } from '../../contract/workspace'
import type { DemoUpstream } from '../../fake-upstream/demo-upstream'
import { type CatalogueCache, createCatalogueCache } from '../catalogue/catalogue-cache'
import type { ServerConfig } from '../config'
import { describeFailure } from '../errors'
import type { CatalogueHistory } from '../history/catalogue-history'
import type { Logger } from '../logger'
import { type ModelsListPages, modelsListPages } from '../catalogue/models-list-pages'
import { createUpstream } from '../upstream/upstream'
import { createModelLookup, type ModelLookup } from './model-lookup'

/** One named key's view of the catalogue: its own snapshot, pages and model lookups. */
export interface Workspace {
  name: string
  /** The env var holding its key, named in error messages (never the key). */
  keyVariable: string
  catalogue: CatalogueCache
  pages: ModelsListPages
  lookUpModel: ModelLookup
}

export interface Workspaces {
  /** Every workspace, the default one first, then by name. */
  all: readonly Workspace[]
  default: Workspace
  get(name: string): Workspace | undefined
}

export interface WorkspaceDependencies {
  fetch?: typeof globalThis.fetch
  /** The demo's upstream (no key configured), reached through its fetch; null with a key. */
  demo: DemoUpstream | null
  now: () => number
  logger: Logger
  history: CatalogueHistory
  pacing?: { retryAfterFailureMs?: number; forcedRefreshIntervalMs?: number; random?: () => number }
  /** Sees each workspace's requests to the upstream and its failed refreshes: the metrics. */
  observer?: UpstreamObserver
  /** Aborted when the server stops: every walk and lookup ends, the demo's as well as a live key's. */
  stopping?: AbortSignal
}

export interface UpstreamObserver {
  /** The transport a workspace's SDK client gets, wrapping the one it would have used. */
  transport(workspace: string, fetch: typeof globalThis.fetch): typeof globalThis.fetch
  refreshFailed(workspace: string, error: unknown): void
}

// The SDK's own default, looked up at each call so a test's stub of the global is seen.
const networkFetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init)

interface Credentials {
  name: string
  keyVariable: string
  apiKey: string
  workspaceId: string | null
}

/**
 * The server's workspaces: `ANTHROPIC_API_KEY` as "default" and one per
 * `ANTHROPIC_API_KEY_<NAME>`. Each has its own upstream client and snapshot
 * (single-flight, stale-while-revalidate and stale-if-error each on its own),
 * so one failing workspace never holds up another. In demo mode they all
 * share the built-in fake, which gives each `DEMO_WORKSPACES` name its own
 * variant of the catalogue through the workspace id header.
 */
export function createWorkspaces(config: ServerConfig, deps: WorkspaceDependencies): Workspaces {
  const { demo } = deps
  const all = credentialsOf(config, demo).map((credential): Workspace => {
    const where = credential.name === DEFAULT_WORKSPACE ? '' : ` (workspace ${credential.name})`
    const transport = demo?.fetch ?? deps.fetch ?? networkFetch
    const upstream = createUpstream({
      apiKey: credential.apiKey,
      workspaceId: credential.workspaceId,
      baseURL: demo?.baseURL ?? config.baseURL,
      betas: config.betas,
      limits: { ...config.limits, attemptTimeoutMs: config.upstreamTimeoutMs, maxRetries: config.upstreamMaxRetries },
      now: deps.now,
      fetch: deps.observer ? deps.observer.transport(credential.name, transport) : transport,
      warn: (message) => deps.logger.warn(`${message}${where}.`),
      ...(deps.stopping ? { stopping: deps.stopping } : {}),
    })
    const ttlMs = config.ttlSeconds * 1000
    const catalogue = createCatalogueCache({
      walk: upstream.walk,
      ttlMs,
      walkTimeoutMs: config.limits.walkTimeoutMs,
      retryAfterFailureMs: config.walkBackoffBaseMs,
      maxBackoffMs: config.walkBackoffMaxMs,
      plausibility: { maxLossShare: config.maxLossShare, agreeingWalks: config.agreeingWalks },
      cacheBytes: config.cacheBudgetBytes,
      stopping: deps.stopping,
      now: deps.now,
      ...deps.pacing,
      onWalkFailed: (error) => {
        deps.logger.warn(`Catalogue refresh failed${where}: ${describeFailure(error, credential)}`, {
          workspace: credential.name,
        })
        deps.observer?.refreshFailed(credential.name, error)
      },
      onWalked: (models, at, walk) => deps.history.record(credential.name, models, at, walk),
    })
    return {
      name: credential.name,
      keyVariable: credential.keyVariable,
      catalogue,
      pages: modelsListPages(catalogue, credential),
      lookUpModel: createModelLookup({
        retrieve: upstream.retrieve,
        ttlMs,
        failureTtlMs: config.lookupFailureTtlMs,
        errorTtlMs: config.lookupErrorTtlMs,
        maxRetryAfterMs: config.limits.maxRetryWaitMs,
        now: deps.now,
      }),
    }
  })
  const byName = new Map(all.map((workspace) => [workspace.name, workspace]))
  return { all, default: all[0]!, get: (name) => byName.get(name) }
}

/** The default workspace's credentials first, then each named one, then (in demo mode) the demo workspaces. */
function credentialsOf(config: ServerConfig, demo: DemoUpstream | null): Credentials[] {
  const demoKey = demo?.apiKey ?? ''
  return [
    {
      name: DEFAULT_WORKSPACE,
      keyVariable: 'ANTHROPIC_API_KEY',
      apiKey: config.apiKey ?? demoKey,
      workspaceId: config.workspaceId,
    },
    ...config.workspaces.map((workspace) => ({
      name: workspace.name,
      keyVariable: workspace.keyVariable,
      apiKey: workspace.apiKey,
      workspaceId: workspace.workspaceId,
    })),
    ...(config.apiKey === null
      ? config.demoWorkspaces.map((name) => ({
          name,
          keyVariable: 'ANTHROPIC_API_KEY',
          apiKey: demoKey,
          workspaceId: name,
        }))
      : []),
  ]
}
