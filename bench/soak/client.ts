import { Agent, request } from 'node:http'

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  ms: number
}

const REQUEST_TIMEOUT_MS = 10_000

/**
 * One HTTP request to the server, timed from the first byte sent to the last
 * received. A failure to get an answer at all (refused, reset, timed out) is
 * an Answer with status 0 and the reason as its body.
 */
export function send(
  agent: Agent,
  url: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const started = performance.now()
  return new Promise((resolve) => {
    const done = (answer: Omit<Answer, 'ms'>) => resolve({ ...answer, ms: performance.now() - started })
    const attempt = (retried: boolean) => {
      const outgoing = request(url, { agent, method, headers, timeout: REQUEST_TIMEOUT_MS }, (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () =>
          done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString() }),
        )
        incoming.on('error', (error) => done({ status: 0, headers: {}, body: `response failed: ${error.message}` }))
      })
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)))
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // The server may close an idle keep-alive connection just as a request goes out on it;
        // like a browser, send that request again once, on a new connection (Node's documented advice).
        if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') attempt(true)
        else done({ status: 0, headers: {}, body: `request failed: ${error.message}` })
      })
      outgoing.end()
    }
    attempt(false)
  })
}

/** Keep-alive connections, at most `connections` of them, as a browser or a proxy would hold. */
export const connectionPool = (connections: number) => new Agent({ keepAlive: true, maxSockets: connections })
