import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { collectDefaultMetrics } from 'prom-client'
import { renderPage } from '../entry-server'
import { describeAccess, isLoopbackHost } from './auth/auth-config'
import { readTokenFile, watchedTokenFile } from './auth/token-file'
import { parseConfig } from './config'
import { secretsOf } from './config-secrets'
import { createApp } from './create-app'
import { historyRetention } from './history/history-store'
import { openHistoryOrReport } from './history/sqlite-history-thread'
import { openPostgresHistoryStore } from './history/postgres-history-store'
import { withListFastPath } from './list-fast-path'
import { nodeBrotli } from './node-brotli'
import { listenUntilSignalled } from './listen'
import { createPinoLogger } from './observability/pino-logger'
import { lockDataDir } from './data-dir'

// Only starts the server: everything it does is in createApp.
const parsed = parseConfig(process.env)
if (!parsed.ok) {
  console.error(parsed.message)
  process.exit(1)
}
const config = parsed.config
if (config.auth.open && !isLoopbackHost(config.host)) {
  console.warn(
    `Warning: AUTH=none with HOST=${config.host}: anyone who can reach this address can read the catalogue. Set up sign-in (see the README) to close it.`,
  )
}

const tokenFile = config.auth.tokensFile ? readTokenFile(config.auth.tokensFile) : null
if (tokenFile && !tokenFile.ok) {
  console.error(`Configuration error: ${tokenFile.message}.`)
  process.exit(1)
}

const clientDir = fileURLToPath(new URL('../client/', import.meta.url))
let indexHtml: string
try {
  indexHtml = readFileSync(`${clientDir}index.html`, 'utf8')
} catch {
  console.error(`The built dashboard is missing (${clientDir}index.html). Run "npm run build" first, or "npm start".`)
  process.exit(1)
}

const logger = createPinoLogger({ format: config.logFormat, level: config.logLevel, secrets: secretsOf(config) })

// One server per DATA_DIR: two would record every change twice. The demo keeps nothing there, nor does a server on PostgreSQL.
const lock = config.apiKey && !config.database ? lockDataDir(config.dataDir) : null
if (lock && !lock.ok) {
  console.error(lock.message)
  process.exit(1)
}

// Aborted on SIGTERM once answers in flight have had their grace: walks end, waiting clients get a 503.
const stopping = new AbortController()

// Demo data stays out of the history kept: it would mix the demo line-up with a real key's later on.
// DATABASE_URL shares the history between replicas; without it, SQLite in DATA_DIR.
const historyOptions = { retention: historyRetention(config) }
const history = !config.apiKey
  ? undefined
  : config.database
    ? openPostgresHistoryStore(config.database, logger, historyOptions)
    : await openHistoryOrReport(config.dataDir, logger, historyOptions)
process.on('exit', () => {
  history?.close()
  if (lock?.ok) lock.release()
})

const app = createApp(config, {
  client: {
    // The build's .br and .gz files, made beside each asset (vite.config.ts), sent to a client that accepts them.
    assets: serveStatic({ root: relative(process.cwd(), clientDir) || '.', precompressed: true }),
    indexHtml,
    renderPage,
  },
  history,
  logger,
  brotli: nodeBrotli,
  // Every walk and lookup, the demo's too, is aborted with it.
  stopping: stopping.signal,
  tokens: tokenFile?.ok ? watchedTokenFile(config.auth.tokensFile!, tokenFile.entries, logger) : undefined,
  remoteAddress: (c) => getConnInfo(c).remote.address,
})
// The process's own series (CPU, memory, event loop, heap), beside the app's in its registry.
collectDefaultMetrics({ register: app.metricsRegistry })

const server = createServer(
  withListFastPath(app.answerListFromCache, getRequestListener(app.fetch), app.recordRequest, nodeBrotli),
)
listenUntilSignalled(server, {
  host: config.host,
  port: config.port,
  logger,
  onStopping: app.startShutdown,
  stopping,
  describe: (url) => {
    const names = ['default', ...config.workspaces.map((workspace) => workspace.name), ...config.demoWorkspaces]
    const workspaces = names.length > 1 ? ` in workspaces ${names.join(', ')}` : ''
    const access = describeAccess(config.auth)
    return config.apiKey
      ? `Model catalogue dashboard on ${url} (live: ${config.baseURL}${workspaces}; keys from ANTHROPIC_API_KEY*). ${access}`
      : `Model catalogue dashboard on ${url} (demo data${workspaces}; set ANTHROPIC_API_KEY to use your own catalogue). ${access}`
  },
})
app.warmCatalogues()
