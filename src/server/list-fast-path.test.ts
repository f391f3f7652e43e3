import { createServer, request as httpRequest, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { getRequestListener } from '@hono/node-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FAKE_API_KEY } from '../fake-upstream/fake-upstream'
import { createTestApp } from '../testing/test-app'
import { NO_AUTH } from './auth/auth-config'
import type { Brotli } from './accept-encoding'
import { withListFastPath } from './list-fast-path'
import { nodeBrotli } from './node-brotli'
import { REQUEST_ID_PATTERN } from './observability/request-id'

interface RawAnswer {
  status: number
  /** Every header line as sent, in order, but the date and the request id, which differ on each answer. */
  headers: string[]
  body: Buffer
  requestId: string | undefined
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

async function listen(listener: RequestListener): Promise<number> {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const lines: string[] = []
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          const name = response.rawHeaders[index]!
          if (name.toLowerCase() !== 'date' && name.toLowerCase() !== 'request-id') {
            lines.push(`${name}: ${response.rawHeaders[index + 1]}`)
          }
        }
        const requestId = response.headers['request-id'] as string | undefined
        resolve({ status: response.statusCode!, headers: lines, body: Buffer.concat(chunks), requestId })
      })
    })
    sent.on('error', reject)
    sent.end()
  })
}

/** The two answers are the same but for their own request ids (header, and error body), each of the right shape. */
function expectSameAnswer(actual: RawAnswer, expected: RawAnswer) {
  expect(actual.requestId).toMatch(REQUEST_ID_PATTERN)
  expect(expected.requestId).toMatch(REQUEST_ID_PATTERN)
  expect(actual.requestId).not.toBe(expected.requestId)
  const withoutId = ({ requestId, body, ...rest }: RawAnswer) => ({
    ...rest,
    body: body.toString().replace(requestId!, 'req_the_id'),
  })
  expect(withoutId(actual)).toEqual(withoutId(expected))
}

/**
 * One app behind two servers: Hono alone, and the fast path in front of it.
 * `answered` records what the fast path's cache lookup gave for each request.
 */
async function bothServers({ brotli }: { brotli?: Brotli } = {}) {
  const testApp = createTestApp({
    brotli,
    config: {
      workspaces: [
        { name: 'staging', keyVariable: 'ANTHROPIC_API_KEY_STAGING', apiKey: FAKE_API_KEY, workspaceId: 'staging' },
      ],
    },
  })
  const hono = getRequestListener(testApp.app.fetch)
  const answerFromCache = vi.fn(testApp.app.answerListFromCache)
  const honoPort = await listen(hono)
  const fastPort = await listen(withListFastPath(answerFromCache, hono, testApp.app.recordRequest, brotli))
  const answered = () => answerFromCache.mock.results.map((result) => (result.value === undefined ? 'hono' : 'fast'))
  return { ...testApp, honoPort, fastPort, answered }
}

describe('the fast path of GET /api/models', () => {
  it('sends a cached page with the same status, headers and bytes as the route', async () => {
    const { honoPort, fastPort, answered } = await bothServers()
    const path = '/api/models?q=sonnet&sort=-created_at&limit=2'
    const fromHono = await get(honoPort, path)
    expect(fromHono.status).toBe(200)
    const fromFastPath = await get(fastPort, path)
    expect(answered()).toEqual(['fast'])
    expectSameAnswer(fromFastPath, fromHono)
  })

  it('sends the same 304 for a matching If-None-Match', async () => {
    const { honoPort, fastPort, answered } = await bothServers()
    const path = '/api/models?limit=3'
    const etag = (await get(honoPort, path)).headers.find((line) => line.startsWith('etag: '))!.slice(6)
    const fromHono = await get(honoPort, path, { 'If-None-Match': etag })
    expect(fromHono.status).toBe(304)
    expectSameAnswer(
      await get(fastPort, path, { 'If-None-Match': `"other", W/${etag}` }),
      await get(honoPort, path, { 'If-None-Match': `"other", W/${etag}` }),
    )
    expectSameAnswer(await get(fastPort, path, { 'If-None-Match': etag }), fromHono)
    expect(answered()).toEqual(['fast', 'fast'])
  })

  it.each([
    ['gzip, deflate, br', 'without', 'gzip'],
    ['br;q=0.9, gzip;q=0.5', 'without', 'gzip'],
    ['gzip, deflate, br, zstd', 'with', 'br'],
    ['br;q=0.5, gzip', 'with', 'gzip'],
  ] as const)(
    'compresses a cached page for a client that accepts it (%s, %s brotli: %s) with the same bytes and headers as the route',
    async (acceptEncoding, withBrotli, coding) => {
      const { honoPort, fastPort, answered } = await bothServers({
        brotli: withBrotli === 'with' ? nodeBrotli : undefined,
      })
      const decompress = coding === 'br' ? brotliDecompressSync : gunzipSync
      const path = '/api/models?limit=10'
      const plain = await get(honoPort, path)
      const headers = { 'Accept-Encoding': acceptEncoding }
      // The fast path first: the route then sends what the fast path made, and must send it alike.
      const fromFastPath = await get(fastPort, path, headers)
      const fromHono = await get(honoPort, path, headers)
      expect(fromHono.headers).toContain(`content-encoding: ${coding}`)
      expect(fromHono.headers).toContain('vary: Accept-Encoding')
      expect(answered()).toEqual(['fast'])
      expect(fromFastPath.status).toBe(200)
      expect(fromFastPath.headers).toEqual(fromHono.headers)
      expect(fromFastPath.body).toEqual(fromHono.body)
      expect(decompress(fromFastPath.body)).toEqual(plain.body)
      // Its weak ETag revalidates on either server.
      const etag = fromFastPath.headers.find((line) => line.startsWith('etag: '))!.slice(6)
      expect(etag).toMatch(/^W\//)
      expectSameAnswer(
        await get(fastPort, path, { ...headers, 'If-None-Match': etag }),
        await get(honoPort, path, { ...headers, 'If-None-Match': etag }),
      )
      // And a client that takes no gzip still gets the plain page from the fast path.
      expectSameAnswer(await get(fastPort, path, { 'Accept-Encoding': 'identity' }), plain)
    },
  )

  it('answers from the named workspace, and leaves an unknown one to the route (400)', async () => {
    const { honoPort, fastPort, answered } = await bothServers()
    const staging = '/api/models?limit=5&workspace=staging'
    const fromHono = await get(honoPort, staging)
    expect(fromHono.body).not.toEqual((await get(honoPort, '/api/models?limit=5')).body)
    expectSameAnswer(await get(fastPort, staging), fromHono)

    const unknown = '/api/models?limit=5&workspace=nowhere'
    const unknownFromHono = await get(honoPort, unknown)
    expect(unknownFromHono.status).toBe(400)
    expectSameAnswer(await get(fastPort, unknown), unknownFromHono)
    expect(answered()).toEqual(['fast', 'hono'])
  })

  it('leaves a bad parameter to the route (400)', async () => {
    const { honoPort, fastPort, answered } = await bothServers()
    await get(honoPort, '/api/models')
    const fromHono = await get(honoPort, '/api/models?limit=0')
    expect(fromHono.status).toBe(400)
    expectSameAnswer(await get(fastPort, '/api/models?limit=0'), fromHono)
    expect(answered()).toEqual(['hono'])
  })

  it('leaves a page not built yet, refresh=1, HEAD and other paths to the route', async () => {
    const { honoPort, fastPort, answered, fake } = await bothServers()
    const first = await get(fastPort, '/api/models?limit=4')
    expect(first.status).toBe(200)
    expectSameAnswer(await get(fastPort, '/api/models?limit=4'), first)
    const refreshed = await get(fastPort, '/api/models?limit=4&refresh=1')
    expect(refreshed.headers).toContain('cache-control: no-store')
    expect(answered()).toEqual(['hono', 'fast', 'hono'])

    const head = await new Promise<number>((resolve) =>
      httpRequest({ host: '127.0.0.1', port: fastPort, path: '/api/models?limit=4', method: 'HEAD' }, (response) =>
        resolve(response.statusCode!),
      ).end(),
    )
    expect(head).toBe(200)
    expectSameAnswer(await get(fastPort, '/api/health'), await get(honoPort, '/api/health'))
    expectSameAnswer(await get(fastPort, '/api/models/'), await get(honoPort, '/api/models/'))
    expect(answered()).toHaveLength(3)
    expect(fake.stats.listCalls).toBeGreaterThan(0)
  })

  it('leaves a stale snapshot to the route, which serves it and refreshes', async () => {
    const { honoPort, fastPort, answered, clock, fake, config } = await bothServers()
    const path = '/api/models?limit=2'
    expect((await get(fastPort, path)).status).toBe(200)
    clock.advance(config.ttlSeconds * 1000)
    // The refresh fails, so both servers answer from the same stale snapshot, saying why.
    fake.setFault({ kind: 'status', status: 500 })
    const refreshErrorOf = async (port: number) => JSON.parse((await get(port, path)).body.toString()).refresh_error
    await vi.waitFor(async () => expect(await refreshErrorOf(honoPort)).toEqual(expect.any(String)))
    const fromFastPath = await get(fastPort, path)
    const fromHono = await get(honoPort, path)
    expectSameAnswer(fromFastPath, fromHono)
    expect(JSON.parse(fromHono.body.toString())).toMatchObject({ stale: true, refresh_error: expect.any(String) })
    expect(answered()).toEqual(['hono', 'hono'])
  })

  it('gives its answers a request id and logs and times them under the route template', async () => {
    const { honoPort, fastPort, answered, logger, app } = await bothServers()
    await get(honoPort, '/api/models?limit=2&workspace=staging')
    const fromFastPath = await get(fastPort, '/api/models?limit=2&workspace=staging')
    expect(answered()).toEqual(['fast'])
    const line = logger.records.find((record) => record.fields?.request_id === fromFastPath.requestId)
    expect(line).toMatchObject({
      level: 'info',
      fields: { method: 'GET', route: '/api/models', path: '/api/models', status: 200, workspace: 'staging' },
    })
    expect(line!.fields!.duration_ms).toEqual(expect.any(Number))
    const exposition = await app.metricsRegistry.metrics()
    expect(exposition).toContain('http_request_duration_seconds_count{route="/api/models",method="GET",status="200"} 2')
  })
})

describe('the fast path and the auth gate', () => {
  async function fastServer(options: Parameters<typeof createTestApp>[0]) {
    const testApp = createTestApp(options)
    const answerFromCache = vi.fn(testApp.app.answerListFromCache)
    const port = await listen(
      withListFastPath(answerFromCache, getRequestListener(testApp.app.fetch), testApp.app.recordRequest),
    )
    const answered = () => answerFromCache.mock.results.map((result) => (result.value === undefined ? 'hono' : 'fast'))
    return { port, answered }
  }

  it('leaves a request for another Host to the app, which answers 421', async () => {
    const { port, answered } = await fastServer({})
    expect((await get(port, '/api/models')).status).toBe(200)
    expect((await get(port, '/api/models')).status).toBe(200)
    expect((await get(port, '/api/models', { Host: 'rebound.attacker.example' })).status).toBe(421)
    expect(answered()).toEqual(['hono', 'fast', 'hono'])
  })

  it('never answers from the cache when sign-in is on: the gate is in the app', async () => {
    const { port, answered } = await fastServer({
      config: { auth: { ...NO_AUTH, tokensFile: '/etc/tokens' } },
      tokens: () => [],
    })
    expect((await get(port, '/api/models')).status).toBe(401)
    expect((await get(port, '/api/models')).status).toBe(401)
    expect(answered()).toEqual(['hono', 'hono'])
  })
})
