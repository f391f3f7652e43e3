import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

// With index.html's title, description and Open Graph tags, which the page writes per view.
const INDEX_HTML = `<!doctype html><html><head><title>Model catalogue</title>
<meta name="description" content="The catalogue." />
<meta property="og:type" content="website" />
<meta property="og:title" content="Model catalogue" />
<meta property="og:description" content="The catalogue." /></head><body>${'<p>text</p>'.repeat(200)}<div id="root"></div></body></html>`

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
  // The real public files, as the build copies them.
  writeFileSync(join(dir, 'robots.txt'), readFileSync('public/robots.txt'))
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

  it('gives a built asset the security headers that act on a script, and a page all of them', async () => {
    const app = appWithClient()
    const asset = await app.request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'br' } })
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    expect(asset.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    expect(asset.headers.get('referrer-policy')).toBe('no-referrer')
    for (const pageOnly of ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy'])
      expect(asset.headers.get(pageOnly), pageOnly).toBeNull()
    for (const path of ['/', '/assets/index-old999.js', '/robots.txt']) {
      const response = await app.request(path)
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
      expect(response.headers.get('x-frame-options'), path).toBe('DENY')
    }
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

  it.each(['/', '/index.html', '/?view=changes', '/?q=opus&model=claude-opus-4-6'])(
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

  it.each(['/changes', '/some/route?q=opus', '/favicon.ico', '/anything'])(
    'answers %s, no page of this site, with a small HTML 404 that no cache keeps',
    async (path) => {
      const response = await appWithClient().request(path, { headers: { Accept: 'text/html' } })
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
      const html = await response.text()
      expect(html).toContain('<title>Not found · Model catalogue</title>')
      expect(html).toContain('<a href="/">')
      expect(html).not.toContain('<script')
    },
  )

  it('keeps the JSON error shape for an unknown path under /api', async () => {
    const response = await appWithClient().request('/api/nothing-here', { headers: { Accept: 'text/html' } })
    expect(response.status).toBe(404)
    expect((await readError(response)).error.type).toBe('not_found_error')
  })

  it('serves robots.txt, which disallows every path by default', async () => {
    const response = await appWithClient().request('/robots.txt')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    expect((await response.text()).split('\n')).toEqual(['User-agent: *', 'Disallow: /', ''])
  })

  it.each([
    ['/', 'Model catalogue', 'The Anthropic model catalogue:'],
    ['/?view=changes', 'Changes · Model catalogue', 'What changed in the model catalogue'],
    ['/?view=availability', 'Availability · Model catalogue', 'Which models each workspace can use'],
    ['/?q=opus', '“opus” · Model catalogue', 'Models matching “opus”'],
    ['/?model=claude-opus-4-6', 'Claude Opus 4.6 · Model catalogue', 'Claude Opus 4.6 in the model catalogue'],
    ['/?model=claude-not-listed-1', 'claude-not-listed-1 · Model catalogue', 'claude-not-listed-1 in the'],
    ['/?q=%3C%2Ftitle%3E%3Cscript%3E%22', '“&lt;/title&gt;&lt;script&gt;&quot;” · Model catalogue', 'Models matching'],
  ])('titles the page at %s “%s”, with its description and Open Graph tags', async (path, title, description) => {
    const app = appWithClient()
    // The first walk, so the open model is named from the catalogue.
    await app.request('/api/models')
    const html = await (await app.request(path)).text()
    expect(html).toContain(`<title>${title}</title>`)
    expect(html).toContain(`<meta property="og:title" content="${title}" />`)
    expect(html).toMatch(new RegExp(`<meta name="description" content="${description}[^"]*" />`))
    expect(html).toMatch(new RegExp(`<meta property="og:description" content="${description}[^"]*" />`))
    expect(html.match(/<title>/g)).toHaveLength(1)
    expect(html).not.toContain('<script>')
  })
})
