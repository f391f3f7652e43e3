import { DEFAULT_WORKSPACE } from '../../contract/workspace'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { createFakeUpstream, FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { type CatalogueCache, createCatalogueCache } from '../catalogue/catalogue-cache'
import type { ServerConfig } from '../config'
import { describeFailure } from '../errors'
import type { CatalogueHistory } from '../history/catalogue-history'
import type { Logger } from '../logger'
import { type ModelsListPages, modelsListPages } from '../routes/models-list'
import { createUpstream } from '../upstream'
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
  now: () => number
  logger: Logger
  history: CatalogueHistory
  pacing?: { retryAfterFailureMs?: number; forcedRefreshIntervalMs?: number }
}

const DEMO_BASE_URL = 'http://demo-upstream.invalid'

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
  const demo =
    config.apiKey === null && !deps.fetch
      ? createFakeUpstream({ models: config.demoModels ? syntheticCatalogue(config.demoModels) : DEMO_MODELS })
      : null
  const all = credentialsOf(config).map((credential): Workspace => {
    const upstream = createUpstream({
      apiKey: credential.apiKey,
      workspaceId: credential.workspaceId,
      baseURL: demo ? DEMO_BASE_URL : config.baseURL,
      betas: config.betas,
      timeoutMs: config.upstreamTimeoutMs,
      maxRetries: config.upstreamMaxRetries,
      fetch: demo?.fetch ?? deps.fetch,
    })
    const ttlMs = config.ttlSeconds * 1000
    const catalogue = createCatalogueCache({
      walk: upstream.walk,
      ttlMs,
      cacheBytes: config.cacheBudgetBytes,
      now: deps.now,
      ...deps.pacing,
      onWalkFailed: (error) => {
        const where = credential.name === DEFAULT_WORKSPACE ? '' : ` (workspace ${credential.name})`
        deps.logger.warn(`Catalogue refresh failed${where}: ${describeFailure(error, credential)}`)
      },
      onWalked: (models, at) => deps.history.record(credential.name, models, at),
    })
    return {
      name: credential.name,
      keyVariable: credential.keyVariable,
      catalogue,
      pages: modelsListPages(catalogue, credential),
      lookUpModel: createModelLookup({ retrieve: upstream.retrieve, ttlMs, now: deps.now }),
    }
  })
  const byName = new Map(all.map((workspace) => [workspace.name, workspace]))
  return { all, default: all[0]!, get: (name) => byName.get(name) }
}

/** The default workspace's credentials first, then each named one, then (in demo mode) the demo workspaces. */
function credentialsOf(config: ServerConfig): Credentials[] {
  return [
    {
      name: DEFAULT_WORKSPACE,
      keyVariable: 'ANTHROPIC_API_KEY',
      apiKey: config.apiKey ?? FAKE_API_KEY,
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
          apiKey: FAKE_API_KEY,
          workspaceId: name,
        }))
      : []),
  ]
}
