import { mkdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { serveStatic } from '@hono/node-server/serve-static'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/history-fixtures'
import { readError, TEST_CONFIG } from '../testing/test-app'
import { renderPage } from '../entry-server'
import { createApp } from './create-app'
import { silentLogger } from './logger'
import { createFakeUpstream, FAKE_API_KEY } from '../fake-upstream/fake-upstream'
import { IMMUTABLE } from './static-assets'

const INDEX_HTML = `<!doctype html><html><head><title>Model catalogue</title></head><body>${'<p>text</p>'.repeat(200)}<div id="root"></div></body></html>`

/** The app serving a built client from a temporary directory, as start-server.ts does. */
function appWithClient() {
  const dir = tempDir('client-')
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)')
  // As the build writes them (vite.config.ts, precompressedAssets): brotli and gzip beside the file.
  writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'))
  writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'))
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>')
  const fake = createFakeUpstream({ apiKey: FAKE_API_KEY })
  return createApp(TEST_CONFIG, {
    fetch: fake.fetch,
    logger: silentLogger,
    client: {
      assets: serveStatic({ root: relative(process.cwd(), dir), precompressed: true }),
      indexHtml: INDEX_HTML,
      renderPage,
    },
  })
}

describe('static answers', () => {
  it('caches a built asset served from disk for a year, immutable', async () => {
    const response = await appWithClient().request('/assets/index-abc123.js')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE)
  })

  it.each([
    ['br, gzip, deflate', 'br', brotliDecompressSync],
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    ['br;q=0, gzip', 'gzip', gunzipSync],
  ] as const)('sends the built %s form of an asset to a client that accepts %s', async (accepts, encoding, decode) => {
    const response = await appWithClient().request('/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': accepts },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe(encoding)
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    expect(response.headers.get('content-type')).toContain('javascript')
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(decode(Buffer.from(await response.arrayBuffer())).toString()).toBe('console.log(1)')
  })

  it.each([undefined, 'identity', 'deflate'])(
    'sends an asset plain, still varying by Accept-Encoding, when the client accepts neither (%s)',
    async (accepts) => {
      const response = await appWithClient().request('/assets/index-abc123.js', {
        headers: accepts ? { 'Accept-Encoding': accepts } : {},
      })
      expect(response.headers.get('content-encoding')).toBeNull()
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(response.headers.get('cache-control')).toBe(IMMUTABLE)
      expect(await response.text()).toBe('console.log(1)')
    },
  )

  it('gzips the page for a client that accepts it, keeps it no-cache, and answers its validator with a 304', async () => {
    const app = appWithClient()
    const plain = await app.request('/')
    const etag = plain.headers.get('etag')
    expect(etag).toMatch(/^"[^"]+"$/)
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    const gzipped = await app.request('/', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gzipped.headers.get('cache-control')).toBe('private, no-cache')
    expect(gzipped.headers.get('etag')).toBe(`W/${etag}`)
    const html = await plain.text()
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(html)
    for (const ifNoneMatch of [etag!, `W/${etag}`]) {
      const revalidated = await app.request('/', {
        headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': ifNoneMatch },
      })
      expect(revalidated.status).toBe(304)
      expect(revalidated.headers.get('cache-control')).toBe('private, no-cache')
      expect(await revalidated.text()).toBe('')
    }
  })

  it.each(['/assets/index-old999.js', '/assets/', '/assets/nested/missing.css', '/assets/..%2findex.html'])(
    'answers a missing asset (%s) with a 404 in the error shape that no cache keeps, never the page',
    async (path) => {
      const response = await appWithClient().request(path)
      expect(response.status).toBe(404)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const body = await readError(response)
      expect(body.error.type).toBe('not_found_error')
      expect(body.error.message).toContain('reload the page')
    },
  )

  it.each(['/', '/index.html', '/changes', '/some/route?q=opus'])(
    'serves the page at %s as private, revalidated every time',
    async (path) => {
      const response = await appWithClient().request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('private, no-cache')
    },
  )

  it('serves other files from disk without the immutable rule', async () => {
    const response = await appWithClient().request('/favicon.svg')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable')
  })
})
