import { Agent, request } from 'node:http'

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  ms: number
}

const REQUEST_TIMEOUT_MS = 10_000

/**
 * Keep-alive connections to one server, at most `connections` of them, as a
 * browser or a proxy would hold. The URL is parsed once here, not per request:
 * the load generator shares two cores with the server, and every microsecond
 * it spends is one the server does not get.
 */
export function connectionPool(baseUrl: string, connections: number) {
  const { hostname, port } = new URL(baseUrl)
  // The timeout is set once per socket by the agent instead of once per request.
  const agent = new Agent({ keepAlive: true, maxSockets: connections, timeout: REQUEST_TIMEOUT_MS })

  /**
   * One HTTP request, timed from when it is handed to its socket to when the
   * last byte of the answer is read. A failure to get an answer at all
   * (refused, reset, timed out) is an Answer with status 0 and the reason as its body.
   */
  function send(
    path: string,
    { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    return new Promise((resolve) => {
      let started = 0
      const done = (answer: Omit<Answer, 'ms'>) => resolve({ ...answer, ms: performance.now() - started })
      const attempt = (retried: boolean) => {
        const outgoing = request({ agent, hostname, port, path, method, headers }, (incoming) => {
          let body = ''
          incoming.setEncoding('utf8')
          incoming.on('data', (chunk: string) => (body += chunk))
          incoming.on('end', () => done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }))
          incoming.on('error', (error) => done({ status: 0, headers: {}, body: `response failed: ${error.message}` }))
        })
        outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)))
        outgoing.on('error', (error: NodeJS.ErrnoException) => {
          // The server may close an idle keep-alive connection just as a request goes out on it;
          // like a browser, send that request again once, on a new connection (Node's documented advice).
          if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') attempt(true)
          else done({ status: 0, headers: {}, body: `request failed: ${error.message}` })
        })
        // The clock starts when the request goes out, not when this process began building it.
        if (!retried) started = performance.now()
        outgoing.end()
      }
      attempt(false)
    })
  }

  return { send, destroy: () => agent.destroy() }
}
export type ConnectionPool = ReturnType<typeof connectionPool>
