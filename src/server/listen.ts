import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { consoleLogger, type Logger } from './logger'

const SHUTDOWN_GRACE_MS = 10_000
/** How long requests in flight have to finish normally before `stopping` answers them 503. */
export const ANSWER_GRACE_MS = 2_000

interface ListenOptions {
  host: string
  port: number
  describe: (url: string) => string
  /** The server's log; plain console lines by default (the fake upstream's). */
  logger?: Logger
  /** Told when a shutdown starts, before the server stops taking connections (readiness turns 503). */
  onStopping?: () => void
  /** Aborted ANSWER_GRACE_MS after the signal: walks end, waiting requests get a 503. */
  stopping?: AbortController
}

/**
 * Listens, logs one line with the URL, and on SIGTERM/SIGINT stops taking
 * connections and lets requests in flight finish; after ANSWER_GRACE_MS it
 * aborts `stopping` (walks end, waiting requests get a 503), and it exits 0
 * once the last answer is sent, within SHUTDOWN_GRACE_MS at most.
 */
export function listenUntilSignalled(
  server: Server,
  { host, port, describe, logger = consoleLogger, onStopping, stopping }: ListenOptions,
): void {
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.error(
      `The server could not listen on ${host}:${port} (${error.code ?? error.message}). Set PORT to a free port.`,
    )
    process.exit(1)
  })
  server.listen(port, host, () => {
    const { port: actualPort } = server.address() as AddressInfo
    const shownHost = host.includes(':') ? `[${host}]` : host
    logger.info(describe(`http://${shownHost}:${actualPort}`))
  })
  let signalled = false
  const stop = () => {
    if (signalled) return
    signalled = true
    onStopping?.()
    server.close(() => process.exit(0))
    // Keep-alive connections with nothing in flight would hold close() open for the keep-alive
    // timeout (5 s): close them now, and the busy ones as soon as their answer is sent.
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 100).unref()
    setTimeout(() => stopping?.abort(), ANSWER_GRACE_MS).unref()
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
