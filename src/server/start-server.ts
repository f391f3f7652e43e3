import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { describeAccess, isLoopbackHost } from './auth/auth-config'
import { readTokenFile, watchedTokenFile } from './auth/token-file'
import { parseConfig } from './config'
import { createApp } from './create-app'
import { openHistoryOrReport } from './history/sqlite-history-store'
import { withListFastPath } from './list-fast-path'
import { listenUntilSignalled } from './listen'

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

// Demo data stays out of the history on disk: it would mix the demo line-up with a real key's later on.
const history = config.apiKey ? openHistoryOrReport(config.dataDir, console) : undefined
process.on('exit', () => history?.close())

const app = createApp(config, {
  client: { assets: serveStatic({ root: relative(process.cwd(), clientDir) || '.' }), indexHtml },
  history,
  tokens: tokenFile?.ok ? watchedTokenFile(config.auth.tokensFile!, tokenFile.entries, console) : undefined,
  remoteAddress: (c) => getConnInfo(c).remote.address,
})

const server = createServer(withListFastPath(app.answerListFromCache, getRequestListener(app.fetch)))
listenUntilSignalled(server, {
  host: config.host,
  port: config.port,
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
