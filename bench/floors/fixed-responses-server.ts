import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

/**
 * The throughput floor: a bare node:http server that answers each known URL
 * with bytes recorded from the BFF beforehand (status, headers and body), so
 * the BFF is compared with doing nothing but writing the same response.
 * Usage: node --import tsx fixed-responses-server.ts <responses.json> <port>
 */
export interface FixedResponse {
  status: number
  headers: Record<string, string>
  body: string
}

const [responsesPath, portText] = process.argv.slice(2)
const recorded = JSON.parse(readFileSync(responsesPath!, 'utf8')) as Record<string, FixedResponse>
const responses = new Map(
  Object.entries(recorded).map(([url, { status, headers, body }]) => {
    const bytes = Buffer.from(body)
    return [url, { status, headers: { ...headers, 'content-length': String(bytes.length) }, bytes }]
  }),
)

const server = createServer((request, response) => {
  const fixed = responses.get(request.url ?? '')
  if (!fixed) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(fixed.status, fixed.headers).end(fixed.bytes)
})
const port = Number(portText)
server.listen(port, '127.0.0.1', () => console.info(`Floor server on http://127.0.0.1:${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections())
