import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Model } from '../contract/model'
import { createTestApp } from '../testing/test-app'
import { compressAnswers } from './compress-answers'
import { nodeBrotli } from './node-brotli'

const GZIP = { 'Accept-Encoding': 'gzip, deflate, br' }
const GZIP_ONLY = { 'Accept-Encoding': 'gzip' }

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer())
}

/** The body as sent, decoded if compressed. */
async function decoded(response: Response): Promise<string> {
  const bytes = await bytesOf(response)
  const coding = response.headers.get('content-encoding')
  return (coding === 'gzip' ? gunzipSync(bytes) : coding === 'br' ? brotliDecompressSync(bytes) : bytes).toString(
    'utf8',
  )
}

/** Five models added after the baseline walk: a feed well over the threshold. */
async function appWithAFeed(options: Parameters<typeof createTestApp>[0] = {}) {
  const haiku = (n: number): Model => ({
    id: `claude-haiku-${n}`,
    type: 'model',
    display_name: `Claude Haiku ${n}`,
    created_at: '2026-01-01T00:00:00Z',
    lifecycle: 'active',
  })
  const testApp = createTestApp({
    ...options,
    upstream: { models: [haiku(9)] },
    pacing: { forcedRefreshIntervalMs: 0 },
  })
  await testApp.listPage()
  testApp.clock.advance(24 * 3_600_000)
  testApp.fake.setModels([haiku(9), ...[10, 11, 12, 13, 14].map(haiku)])
  await testApp.listPage({ refresh: '1' })
  return testApp.app
}

describe('compressed answers', () => {
  it('gzips a list page for a client that accepts it, with Vary and a weak ETag, and the same JSON', async () => {
    const { app } = createTestApp()
    const plain = await app.request('/api/models?limit=20')
    const gzipped = await app.request('/api/models?limit=20', { headers: GZIP })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding')
    expect(gzipped.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`)
    expect(gzipped.headers.get('cache-control')).toBe(plain.headers.get('cache-control'))
    const plainBody = await plain.text()
    const gzippedBytes = await bytesOf(gzipped)
    expect(Number(gzipped.headers.get('content-length'))).toBe(gzippedBytes.byteLength)
    expect(gzippedBytes.byteLength).toBeLessThan(plainBody.length / 3)
    expect(gunzipSync(gzippedBytes).toString('utf8')).toBe(plainBody)
  })

  it.each(['identity', 'gzip;q=0', 'br;q=0, gzip;q=0, *;q=0', 'deflate'])(
    'sends the list plain when the client accepts no gzip (%s)',
    async (acceptEncoding) => {
      const { app } = createTestApp()
      const response = await app.request('/api/models?limit=20', { headers: { 'Accept-Encoding': acceptEncoding } })
      expect(response.headers.get('content-encoding')).toBeNull()
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(JSON.parse(await response.text())).toHaveProperty('data')
    },
  )

  it('answers 304 to the weak ETag of a gzipped list page, and to the strong one', async () => {
    const { app } = createTestApp()
    const gzipped = await app.request('/api/models?limit=20', { headers: GZIP })
    const weak = gzipped.headers.get('etag')!
    for (const ifNoneMatch of [weak, weak.slice(2)]) {
      const revalidated = await app.request('/api/models?limit=20', {
        headers: { ...GZIP, 'If-None-Match': ifNoneMatch },
      })
      expect(revalidated.status).toBe(304)
      expect(revalidated.headers.get('vary')).toBe('Accept-Encoding')
      expect(await revalidated.text()).toBe('')
    }
  })

  it('sends a small answer as it is, with its length', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/models?limit=1&q=no-such-model', { headers: GZIP })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(Number(response.headers.get('content-length'))).toBeLessThan(1024)
  })

  it.each(['csv', 'json'])('gzips the %s export as it streams', async (format) => {
    const { app } = createTestApp()
    const plain = await app.request(`/api/models/export?format=${format}`)
    const gzipped = await app.request(`/api/models/export?format=${format}`, { headers: GZIP })
    expect(gzipped.status).toBe(200)
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding')
    expect(gzipped.headers.get('content-disposition')).toBe(plain.headers.get('content-disposition'))
    expect(await decoded(gzipped)).toBe(await plain.text())
  })

  it('gzips the feed and keeps its revalidation', async () => {
    const app = await appWithAFeed()
    const plain = await app.request('/feed.xml')
    const body = await plain.text()
    expect(body.length).toBeGreaterThan(1024)
    const gzipped = await app.request('/feed.xml', { headers: GZIP })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding')
    expect(gzipped.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`)
    expect(await decoded(gzipped)).toBe(body)
    const revalidated = await app.request('/feed.xml', {
      headers: { ...GZIP, 'If-None-Match': gzipped.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
  })

  it('leaves HEAD, no-transform, non-text and already encoded answers alone, and reads a small stream whole', async () => {
    const big = 'x'.repeat(5000)
    const app = new Hono()
    app.use('*', compressAnswers())
    app.get('/text', (c) => c.text(big))
    app.get('/no-transform', (c) => c.text(big, 200, { 'Cache-Control': 'no-transform' }))
    app.get('/binary', (c) => c.body(big, 200, { 'Content-Type': 'application/octet-stream' }))
    app.get('/encoded', (c) => c.body(big, 200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' }))
    app.get('/small-stream', () => {
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('a,b\n'))
          controller.enqueue(new TextEncoder().encode('1,2\n'))
          controller.close()
        },
      })
      return new Response(stream, { headers: { 'Content-Type': 'text/csv' } })
    })
    expect((await app.request('/text', { headers: GZIP })).headers.get('content-encoding')).toBe('gzip')
    const head = await app.request('/text', { method: 'HEAD', headers: GZIP })
    expect(head.headers.get('content-encoding')).toBeNull()
    for (const path of ['/no-transform', '/binary']) {
      const response = await app.request(path, { headers: GZIP })
      expect(response.headers.get('content-encoding'), path).toBeNull()
      expect(await response.text()).toBe(big)
    }
    expect((await app.request('/encoded', { headers: GZIP })).headers.get('content-encoding')).toBe('br')
    const small = await app.request('/small-stream', { headers: GZIP })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(small.headers.get('content-length')).toBe('8')
    expect(await small.text()).toBe('a,b\n1,2\n')
  })
})

describe('compressed answers, with brotli from the Node entry', () => {
  const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }

  it('sends a list page in brotli to a browser, smaller than gzip, with Vary, a weak ETag and the same JSON', async () => {
    const { app } = createTestApp({ brotli: nodeBrotli })
    const plain = await app.request('/api/models?limit=20')
    const gzipped = await app.request('/api/models?limit=20', { headers: GZIP_ONLY })
    const brotli = await app.request('/api/models?limit=20', { headers: BROWSER })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding')
    expect(brotli.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`)
    const plainBody = await plain.text()
    const brotliBytes = await bytesOf(brotli)
    expect(Number(brotli.headers.get('content-length'))).toBe(brotliBytes.byteLength)
    expect(brotliBytes.byteLength).toBeLessThan((await bytesOf(gzipped)).byteLength)
    expect(brotliDecompressSync(brotliBytes).toString('utf8')).toBe(plainBody)
    // The same bytes again: made once per page and kept.
    const again = await app.request('/api/models?limit=20', { headers: BROWSER })
    expect(await bytesOf(again)).toEqual(brotliBytes)
  })

  it.each([
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['*', 'br'],
    ['identity', null],
  ])('follows the client’s preference (%s: %s)', async (acceptEncoding, coding) => {
    const { app } = createTestApp({ brotli: nodeBrotli })
    const headers = { 'Accept-Encoding': acceptEncoding }
    for (const path of ['/api/models?limit=20', '/api/models/export?format=csv']) {
      const response = await app.request(path, { headers })
      expect(response.headers.get('content-encoding'), path).toBe(coding)
      expect(response.headers.get('vary'), path).toBe('Accept-Encoding')
    }
  })

  it.each(['csv', 'json'])('sends the %s export in brotli as it streams', async (format) => {
    const { app } = createTestApp({ brotli: nodeBrotli })
    const plain = await app.request(`/api/models/export?format=${format}`)
    const brotli = await app.request(`/api/models/export?format=${format}`, { headers: BROWSER })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('content-length')).toBeNull()
    expect(await decoded(brotli)).toBe(await plain.text())
  })

  it('sends the feed in brotli and keeps its revalidation', async () => {
    const app = await appWithAFeed({ brotli: nodeBrotli })
    const plain = await app.request('/feed.xml')
    const brotli = await app.request('/feed.xml', { headers: BROWSER })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`)
    expect(await decoded(brotli)).toBe(await plain.text())
    const revalidated = await app.request('/feed.xml', {
      headers: { ...BROWSER, 'If-None-Match': brotli.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
  })
})
