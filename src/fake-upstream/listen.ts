import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The fake's own start and stop, so it shares nothing with the server it
 * stands in front of: one line with its URL once listening; on SIGTERM or
 * SIGINT it drops its connections and exits 0 (it keeps no state worth a grace period).
 */
export function listenUntilStopped(server: Server, host: string, port: number, describe: (url: string) => string) {
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`The fake upstream could not listen on ${host}:${port} (${error.code ?? error.message}).`)
    process.exit(1)
  })
  server.listen(port, host, () => {
    const shownHost = host.includes(':') ? `[${host}]` : host
    console.info(describe(`http://${shownHost}:${(server.address() as AddressInfo).port}`))
  })
  const stop = () => {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
