import { Hono, type MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { DEFAULT_WORKSPACE } from '../contract/workspace'
import type { ServerConfig } from './config'
import { createCatalogueHistory } from './history/catalogue-history'
import type { HistoryStore } from './history/history-store'
import { createMemoryHistoryStore } from './history/memory-history-store'
import { type Logger, redactingLogger } from './logger'
import { methodNotAllowed, sendError } from './respond'
import { availability } from './routes/availability'
import { listChanges } from './routes/changes'
import { changesFeed } from './routes/feed'
import { health } from './routes/health'
import { modelDetail } from './routes/model-detail'
import { exportModels } from './routes/models-export'
import { indexPage, type PageRenderer } from './routes/index-page'
import { listModels } from './routes/models-list'
import { seenModels } from './routes/seen'
import { securityHeaders } from './security-headers'
import { pickWorkspace, selectWorkspace, type WorkspaceEnv } from './workspaces/select-workspace'
import { createWorkspaces } from './workspaces/workspaces'
import { DEMO_MODELS } from '../fake-upstream/demo-catalogue'
import { demoHistory } from '../fake-upstream/demo-history'
import { demoUpstream } from '../fake-upstream/demo-upstream'

export interface AppDependencies {
  /** The upstream's transport; by default the network, or the built-in fake in demo mode. */
  fetch?: typeof globalThis.fetch
  now?: () => number
  logger?: Logger
  /**
   * Serves the built dashboard, its first rows rendered by `renderPage` (the
   * client's `entry-server.tsx`, wired in by the server entry: the core knows
   * nothing of React); without it the app answers `/api` only (tests, Vite dev).
   */
  client?: { assets: MiddlewareHandler; indexHtml: string; renderPage: PageRenderer }
  /** Where the catalogue history is kept: main.ts gives SQLite; without it, memory. */
  history?: HistoryStore
  /** Overrides of the refresh pacing, for tests. */
  pacing?: { retryAfterFailureMs?: number; forcedRefreshIntervalMs?: number }
}

/**
 * Builds the BFF: the catalogue snapshot over the upstream and the `/api`
 * routes. It imports nothing from `node:`, so the same app runs on Node or on
 * an edge runtime; `main.ts` only starts it.
 */
export function createApp(config: ServerConfig, deps: AppDependencies = {}) {
  const now = deps.now ?? Date.now
  const mode = config.apiKey ? 'live' : 'demo'
  const logger = redactingLogger(
    [config.apiKey, ...config.workspaces.map((workspace) => workspace.apiKey)],
    deps.logger,
  )
  const history = createCatalogueHistory(deps.history ?? createMemoryHistoryStore(), logger)
  // Without a key the server runs the demo: the fake upstream, reached through its fetch like any upstream.
  const demo = config.apiKey === null ? demoUpstream(config.demoModels, deps.fetch) : null
  // The demo's real line-up has a past (releases, deprecations, retirements at their dates), so Changes and the
  // feed show what they do; not when a test gives the demo another upstream, whose catalogue it would contradict.
  if (demo && config.demoModels === null && !deps.fetch) {
    history.seed(DEFAULT_WORKSPACE, demoHistory(DEMO_MODELS, now()))
  }
  const workspaces = createWorkspaces(config, { fetch: deps.fetch, demo, now, logger, history, pacing: deps.pacing })

  const app = new Hono<WorkspaceEnv>()
  app.use('*', securityHeaders())
  // Every endpoint answers for one workspace: `workspace=`, or the default one.
  app.use('/api/*', selectWorkspace(workspaces))
  app.use('/feed.xml', selectWorkspace(workspaces))

  app.get('/api/models', listModels())
  app.all('/api/models', methodNotAllowed)
  // Before `/api/models/:id`, which would take "export" for a model id.
  app.get('/api/models/export', exportModels())
  app.all('/api/models/export', methodNotAllowed)
  app.get('/api/models/:id', modelDetail())
  app.all('/api/models/:id', methodNotAllowed)
  app.get('/api/health', health(workspaces, mode, now))
  app.all('/api/health', methodNotAllowed)
  app.get('/api/changes', listChanges(history))
  app.all('/api/changes', methodNotAllowed)
  app.get('/api/seen', seenModels(history))
  app.all('/api/seen', methodNotAllowed)
  app.get('/api/availability', availability(workspaces))
  app.all('/api/availability', methodNotAllowed)
  app.get('/feed.xml', changesFeed(history, now))
  app.all('/feed.xml', methodNotAllowed)
  app.all('/api/*', (c) =>
    sendError(c, {
      status: 404,
      body: errorBody('not_found_error', `There is no API at ${c.req.path}. See the README for the endpoints.`),
      headers: {},
    }),
  )

  if (deps.client) {
    const { assets, indexHtml, renderPage } = deps.client
    app.use('/assets/*', async (c, next) => {
      await next()
      // Built asset names carry a content hash, so they never change.
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    // The page is rendered for the default workspace; a link to another (`ws=`) gets the bare HTML.
    const page = indexPage({
      indexHtml,
      renderPage,
      pages: workspaces.default.pages,
      catalogue: workspaces.default.catalogue,
    })
    // `/` is the page with its first rows, not the static index.html.
    app.get('/', page)
    app.use('*', assets)
    // Every other path is one of the app's own routes: the page decides what to show.
    app.get('*', page)
  }

  app.onError((error, c) => {
    logger.error(`Unexpected error on ${c.req.method} ${c.req.path}: ${error.name}`)
    return sendError(c, {
      status: 500,
      body: errorBody(
        'api_error',
        'The server hit an unexpected problem. Retry; if it persists, check the server log.',
      ),
      headers: {},
    })
  })

  // For the Node entry: its fast path answers cached list pages through the route's own door, and it warms each workspace.
  return Object.assign(app, {
    workspaceNames: workspaces.all.map((workspace) => workspace.name),
    answerListFromCache: (url: string, ifNoneMatch: string | undefined) => {
      const workspace = pickWorkspace(workspaces, url)
      return workspace.ok ? workspace.value.pages.answerFromCache(url, ifNoneMatch) : undefined
    },
  })
}
