import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { hasSignIn } from './auth/auth-config'
import { authenticate } from './auth/authenticate'
import { hostCheck, hostIsAllowed } from './auth/host-check'
import type { AuthEnv } from './auth/identity'
import { isOpenPath } from './auth/open-paths'
import { oidcSignIn } from './auth/oidc-sign-in'
import type { TokenEntry } from './auth/tokens'
import type { ServerConfig } from './config'
import { createCatalogueHistory } from './history/catalogue-history'
import type { HistoryStore } from './history/history-store'
import { createMemoryHistoryStore } from './history/memory-history-store'
import { type Logger, redactingLogger } from './logger'
import { methodNotAllowed, sendError } from './respond'
import { availability } from './routes/availability'
import { listChanges } from './routes/changes'
import { me } from './routes/me'
import { changesFeed } from './routes/feed'
import { health } from './routes/health'
import { modelDetail } from './routes/model-detail'
import { exportModels } from './routes/models-export'
import { indexPage } from './routes/index-page'
import { answerListFromCache, listModels } from './routes/models-list'
import { seenModels } from './routes/seen'
import { securityHeaders } from './security-headers'
import { selectWorkspace, type WorkspaceEnv } from './workspaces/select-workspace'
import { createWorkspaces } from './workspaces/workspaces'

export interface AppDependencies {
  /** The upstream's transport; by default the network, or the built-in fake in demo mode. */
  fetch?: typeof globalThis.fetch
  now?: () => number
  logger?: Logger
  /** Serves the built dashboard; without it the app answers `/api` only (tests, Vite dev). */
  client?: { assets: MiddlewareHandler; indexHtml: string }
  /** Where the catalogue history is kept: main.ts gives SQLite; without it, memory. */
  history?: HistoryStore
  /** Overrides of the refresh pacing, for tests. */
  pacing?: { retryAfterFailureMs?: number; forcedRefreshIntervalMs?: number }
  /** The current lines of AUTH_TOKENS_FILE (main.ts re-reads the file when it changes). */
  tokens?: () => readonly TokenEntry[]
  /** The address a request's connection came from, for the sign-in proxy's check (main.ts: getConnInfo). */
  remoteAddress?: (c: Context) => string | undefined
}

type AppEnv = { Variables: WorkspaceEnv['Variables'] & AuthEnv['Variables'] }

/**
 * Builds the BFF: the catalogue snapshot over the upstream and the `/api`
 * routes. It imports nothing from `node:`, so the same app runs on Node or on
 * an edge runtime; `main.ts` only starts it.
 */
export function createApp(config: ServerConfig, deps: AppDependencies = {}) {
  const now = deps.now ?? Date.now
  const mode = config.apiKey ? 'live' : 'demo'
  const logger = redactingLogger(
    [
      config.apiKey,
      ...config.workspaces.map((workspace) => workspace.apiKey),
      config.auth.oidc?.clientSecret ?? null,
      config.auth.oidc?.sessionSecret ?? null,
    ],
    deps.logger,
  )
  const history = createCatalogueHistory(deps.history ?? createMemoryHistoryStore(), logger)
  const workspaces = createWorkspaces(config, { fetch: deps.fetch, now, logger, history, pacing: deps.pacing })

  const signIn =
    config.auth.oidc && config.auth.publicUrl
      ? oidcSignIn({ oidc: config.auth.oidc, auth: config.auth, publicUrl: config.auth.publicUrl, now, logger })
      : null

  const app = new Hono<AppEnv>()
  app.use('*', securityHeaders())
  app.use('*', hostCheck(config.auth.allowedHosts))
  // One gate for every path but the probes, /metrics included: it sets `identity` for the routes and the logs.
  app.use(
    '*',
    authenticate({
      auth: config.auth,
      tokens: deps.tokens ?? (() => []),
      remoteAddress: deps.remoteAddress ?? (() => undefined),
      sessions: signIn?.sessions ?? null,
    }),
  )
  if (signIn) app.route('/', signIn.routes)
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
  app.get('/api/me', me(signIn?.sessions.signOutHref ?? null))
  app.all('/api/me', methodNotAllowed)
  app.get('/feed.xml', changesFeed(history, now, config.auth.publicUrl))
  app.all('/feed.xml', methodNotAllowed)
  app.all('/api/*', (c) =>
    sendError(c, {
      status: 404,
      body: errorBody('not_found_error', `There is no API at ${c.req.path}. See the README for the endpoints.`),
      headers: {},
    }),
  )

  if (deps.client) {
    const { assets, indexHtml } = deps.client
    app.use('/assets/*', async (c, next) => {
      await next()
      // Built asset names carry a content hash, so they never change.
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    // The page is rendered for the default workspace; a link to another (`ws=`) gets the bare HTML.
    const page = indexPage({ indexHtml, pages: workspaces.default.pages, catalogue: workspaces.default.catalogue })
    // `/` is the page with its first rows, not the static index.html.
    app.get('/', page)
    app.use('*', assets)
    // Every other path is one of the app's own routes: the page decides what to show.
    // Never at the probes' paths: they are open without sign-in, so the page (with its first rows) must not answer there.
    app.get('*', (c, next) => (isOpenPath(c.req.path) ? next() : page(c)))
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

  // For the Node entry: its fast path answers cached list pages with the route's own code, and it warms each workspace.
  // The fast path skips the middleware, so it may only answer what needs no sign-in, for an allowed host.
  const signInRequired = hasSignIn(config.auth)
  const allowedHosts = config.auth.allowedHosts
  const fastPathAdmits = (host: string | undefined) =>
    !signInRequired &&
    (allowedHosts === null ||
      (host !== undefined && hostIsAllowed(host.replace(/:\d+$/, ''), /:(\d+)$/.exec(host)?.[1] ?? '80', allowedHosts)))
  return Object.assign(app, {
    workspaceNames: workspaces.all.map((workspace) => workspace.name),
    /** Starts each workspace's first walk, unawaited, so the first visitor does not wait (not through a route: those need sign-in). */
    warmCatalogues: () => {
      for (const { catalogue } of workspaces.all) if (!catalogue.peek().snapshot) catalogue.get().catch(() => {})
    },
    answerListFromCache: (url: string, ifNoneMatch: string | undefined, host: string | undefined) =>
      fastPathAdmits(host) ? answerListFromCache(workspaces, url, ifNoneMatch) : undefined,
  })
}
