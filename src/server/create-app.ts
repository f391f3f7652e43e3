import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { DEFAULT_WORKSPACE } from '../contract/workspace'
import { demoUpstream } from '../fake-upstream/demo-upstream'
import { hasSignIn } from './auth/auth-config'
import { authenticate } from './auth/authenticate'
import type { Brotli } from './accept-encoding'
import { compressAnswers } from './compress-answers'
import { hostCheck, hostHeaderIsAllowed } from './auth/host-check'
import { type AuthEnv, identityOf } from './auth/identity'
import { isOperator } from './auth/operators'
import { oidcSignIn } from './auth/oidc-sign-in'
import type { TokenEntry } from './auth/tokens'
import type { ServerConfig } from './config'
import { secretsOf } from './config-secrets'
import { createCatalogueHistory } from './history/catalogue-history'
import { type HistoryStore, historyRetention } from './history/history-store'
import { openMemoryHistoryStore } from './history/sqlite-history-store'
import { consoleLogger, type Logger, redactingLogger } from './logger'
import { registerCatalogueGauges } from './observability/catalogue-gauges'
import { countingFetch } from './observability/counting-fetch'
import { instrumentedHistoryStore } from './observability/instrumented-history-store'
import { createMetrics } from './observability/metrics'
import { observeRequests } from './observability/observe-requests'
import { createRequestRecorder } from './observability/request-recorder'
import { refreshFailureReason } from './observability/upstream-outcome'
import { methodNotAllowed, NOT_FOUND_PAGE, sendError } from './respond'
import { UNEXPECTED_HINT, UNEXPECTED_MESSAGE } from './errors'
import { metricsEndpoint } from './routes/metrics'
import { liveness, readiness } from './routes/probes'
import { changesFeed } from './routes/feed'
import { apiRoutes, inProcessSource } from './routes/api-routes'
import { indexPage, type PageRenderer } from './routes/index-page'
import { sameOriginOnly } from './same-origin-only'
import { securityHeaders } from './security-headers'
import { pickWorkspace, selectWorkspace, type WorkspaceEnv } from './workspaces/select-workspace'
import { createWorkspaces, type WorkspaceDependencies } from './workspaces/workspaces'
import { hashedAssets } from './static-assets'
import { answerWhileStopping } from './stopping'

export interface AppDependencies {
  /** The upstream's transport; by default the network, or the built-in fake in demo mode. */
  fetch?: typeof globalThis.fetch
  now?: () => number
  /** Where log lines go: the entries give the JSON (or pretty) log; without it, plain console lines. */
  logger?: Logger
  /**
   * Serves the built dashboard, its first rows rendered by `renderPage` (the
   * client's `entry-server.tsx`, wired in by the server entry: the core knows
   * nothing of React); without it the app answers `/api` only (tests, Vite dev).
   */
  client?: { assets: MiddlewareHandler; indexHtml: string; renderPage: PageRenderer }
  /** Where the catalogue history is kept: main.ts gives SQLite or PostgreSQL; without it, SQLite in memory. */
  history?: HistoryStore
  /** Aborted when the server stops: requests still waiting then get a 503 with Retry-After. */
  stopping?: AbortSignal
  /** Overrides of the refresh pacing, for tests. */
  pacing?: WorkspaceDependencies['pacing']
  /** The current lines of AUTH_TOKENS_FILE (main.ts re-reads the file when it changes). */
  tokens?: () => readonly TokenEntry[]
  /** Brotli for the page and the JSON answers (node-brotli.ts, from the Node entry); without it, they are gzipped. */
  brotli?: Brotli
  /** The address a request's connection came from, for the sign-in proxy's check (main.ts: getConnInfo). */
  remoteAddress?: (c: Context) => string | undefined
}

type AppEnv = { Variables: WorkspaceEnv['Variables'] & AuthEnv['Variables'] }

/**
 * Builds the BFF: the catalogue snapshot over the upstream, the `/api`
 * routes, the probes and the metrics. It imports nothing from `node:`
 * itself; `main.ts` only starts it.
 */
export function createApp(config: ServerConfig, deps: AppDependencies = {}) {
  const now = deps.now ?? Date.now
  const mode = config.apiKey ? 'live' : 'demo'
  const logger = redactingLogger(secretsOf(config), deps.logger ?? consoleLogger)
  const metrics = createMetrics()
  const store = instrumentedHistoryStore(
    deps.history ?? openMemoryHistoryStore({ retention: historyRetention(config) }),
    metrics,
  )
  const history = createCatalogueHistory(store, logger, { pendingMaxBytes: config.historyPendingMaxBytes })
  // Without a key the server runs the demo: the fake upstream, reached through its fetch like any upstream.
  const demo = config.apiKey === null ? demoUpstream(config.demoModels, deps.fetch) : null
  // The demo's real line-up has a past (releases, deprecations, retirements at their dates), so Changes and the
  // feed show what they do; not when a test gives the demo another upstream, whose catalogue it would contradict.
  if (demo?.pastWalks) {
    history.seed(DEFAULT_WORKSPACE, demo.pastWalks(null, now()))
    // Each demo workspace (its name is its workspace id at the fake) has the past of its own variant.
    for (const name of config.demoWorkspaces) history.seed(name, demo.pastWalks(name, now()))
  }
  const workspaces = createWorkspaces(config, {
    fetch: deps.fetch,
    demo,
    now,
    logger,
    history,
    pacing: deps.pacing,
    stopping: deps.stopping,
    observer: {
      transport: (workspace, fetch) => countingFetch(fetch, workspace, metrics),
      refreshFailed: (workspace, error) =>
        metrics.refreshFailures.inc({ workspace, reason: refreshFailureReason(error) }),
    },
  })
  registerCatalogueGauges(metrics.registry, workspaces, now)
  const recordRequest = createRequestRecorder(logger, metrics)
  let shuttingDown = false

  const signIn =
    config.auth.oidc && config.auth.publicUrl
      ? oidcSignIn({ oidc: config.auth.oidc, auth: config.auth, publicUrl: config.auth.publicUrl, now, logger })
      : null

  const app = new Hono<AppEnv>()
  // First, so every answer carries a request id and is logged and timed, whatever answers it.
  app.use('*', observeRequests(recordRequest))
  app.use('*', securityHeaders())
  // Inside the log and the security headers, so both see the answer as sent; every answer below may be compressed.
  app.use('*', compressAnswers({ brotli: deps.brotli }))
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

  // Probes for orchestrators: open without sign-in (the gate lets them through), so they say nothing about workspaces or errors.
  app.get('/healthz', liveness())
  app.all('/healthz', methodNotAllowed)
  app.get(
    '/readyz',
    readiness(workspaces, () => shuttingDown, store),
  )
  app.all('/readyz', methodNotAllowed)
  app.get('/metrics', metricsEndpoint(metrics.registry, workspaces))
  app.all('/metrics', methodNotAllowed)
  if (signIn) app.route('/', signIn.routes)
  // Before the workspace: no page of another site decides what the key costs (the feed, too, can start a walk).
  app.use('/api/*', sameOriginOnly())
  app.use('/feed.xml', sameOriginOnly())
  if (deps.stopping) app.use('*', answerWhileStopping(deps.stopping))
  app.use('/feed.xml', selectWorkspace(workspaces))
  const api = apiRoutes({
    workspaces,
    history,
    mode,
    now,
    signOutUrl: signIn?.sessions.signOutHref ?? null,
    mayAccept: (c) => isOperator(identityOf(c), config.auth),
    brotli: deps.brotli,
  })
  app.route('/', api)
  app.get('/feed.xml', changesFeed(history, now, config.auth.publicUrl))
  app.all('/feed.xml', methodNotAllowed)

  if (deps.client) {
    const { assets, indexHtml, renderPage } = deps.client
    app.get('/assets/*', hashedAssets(assets))
    app.all('/assets/*', methodNotAllowed)
    // Every view is rendered with its content, from the same routes, asked in process.
    const page = indexPage({ indexHtml, renderPage, workspaces, dataSource: inProcessSource(api) })
    // `/` is the page with its first rows, not the static index.html.
    app.get('/', page)
    // Nor is the built index.html served raw from disk, without the page's caching rule.
    app.get('/index.html', page)
    // The public files: favicon.svg, robots.txt.
    app.use('*', assets)
  }
  // The dashboard's views are query strings on `/`: any other path is not a page of this site.
  app.notFound((c) => c.html(NOT_FOUND_PAGE, 404, { 'Cache-Control': 'no-store' }))

  app.onError((error, c) => {
    logger.error(`Unexpected error on ${c.req.method} ${c.req.path}: ${error.name}`, {
      request_id: c.get('requestId'),
      route: c.req.routePath,
    })
    return sendError(c, {
      status: 500,
      body: errorBody('api_error', UNEXPECTED_MESSAGE, undefined, UNEXPECTED_HINT),
      headers: {},
    })
  })

  // For the Node entry: its fast path answers cached list pages with the route's own code (and logs and times
  // them here), it warms each workspace, adds the process's metrics and says when shutdown starts.
  // The fast path skips the middleware, so it may only answer what needs no sign-in, for an allowed host.
  const signInRequired = hasSignIn(config.auth)
  const fastPathAdmits = (host: string | undefined) =>
    !signInRequired && hostHeaderIsAllowed(host, config.auth.allowedHosts)
  return Object.assign(app, {
    workspaceNames: workspaces.all.map((workspace) => workspace.name),
    /** Starts each workspace's first walk, unawaited, so the first visitor does not wait (not through a route: those need sign-in). */
    warmCatalogues: () => {
      for (const { catalogue } of workspaces.all) if (!catalogue.peek().snapshot) catalogue.get().catch(() => {})
    },
    answerListFromCache: (url: string, ifNoneMatch: string | undefined, host: string | undefined) => {
      if (!fastPathAdmits(host)) return undefined
      const workspace = pickWorkspace(workspaces, url)
      return workspace.ok ? workspace.value.pages.answerFromCache(url, ifNoneMatch) : undefined
    },
    recordRequest,
    metricsRegistry: metrics.registry,
    startShutdown: () => {
      shuttingDown = true
    },
  })
}
