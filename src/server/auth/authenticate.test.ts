import { describe, expect, it } from 'vitest'
import { createFakeUpstream } from '../../fake-upstream/fake-upstream'
import { createTestApp, readError, TEST_CONFIG } from '../../testing/test-app'
import { renderPage } from '../../entry-server'
import { createApp } from '../create-app'
import { type AuthConfig, NO_AUTH } from './auth-config'
import { parseCidr } from './cidr'
import { parseTokenLines, sha256, type TokenEntry } from './tokens'

const PROMETHEUS_TOKEN = 'mcd_prometheus_7f3a9c0e1b2d4f6a8c0e2b4d6f8a0c2e'
const FEEDS_TOKEN = 'mcd_feeds_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d'

async function tokenEntries(tokens: Record<string, string>): Promise<TokenEntry[]> {
  const lines = await Promise.all(
    Object.entries(tokens).map(async ([name, token]) => `${name}:${Buffer.from(await sha256(token)).toString('hex')}`),
  )
  const parsed = parseTokenLines(lines.join('\n'), 'tokens')
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.entries
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

async function tokenApp() {
  let entries = await tokenEntries({ prometheus: PROMETHEUS_TOKEN, feeds: FEEDS_TOKEN })
  const test = createTestApp({
    config: { auth: { ...NO_AUTH, tokensFile: '/etc/tokens' } },
    tokens: () => entries,
  })
  return {
    ...test,
    revoke: async (name: string) => {
      entries = entries.filter((entry) => entry.name !== name)
    },
  }
}

describe('tokens', () => {
  it('opens /api/*, the exports and /feed.xml with a Bearer token', async () => {
    const { app } = await tokenApp()
    const headers = { Authorization: `Bearer ${PROMETHEUS_TOKEN}` }
    for (const path of ['/api/models', '/api/models/export?format=csv', '/feed.xml', '/api/health']) {
      expect((await app.request(path, { headers })).status, path).toBe(200)
    }
  })

  it('names the token (never the token itself) at /api/me', async () => {
    const { app } = await tokenApp()
    const response = await app.request('/api/me', { headers: { Authorization: `Bearer ${FEEDS_TOKEN}` } })
    expect(await response.json()).toEqual({ name: 'feeds', kind: 'token', sign_out_url: null })
  })

  it('takes the token as the password of HTTP Basic, as feed readers and Prometheus send it', async () => {
    const { app } = await tokenApp()
    const response = await app.request('/feed.xml', { headers: { Authorization: basic('reader', FEEDS_TOKEN) } })
    expect(response.status).toBe(200)
  })

  it('reaches /metrics with a token: the gate covers it, whatever answers it', async () => {
    const { app } = await tokenApp()
    expect((await app.request('/metrics')).status).toBe(401)
    expect((await app.request('/metrics', { headers: { Authorization: `Bearer ${FEEDS_TOKEN}` } })).status).not.toBe(
      401,
    )
  })

  it('answers 401 in the error shape, with a challenge, to no token and to a wrong one', async () => {
    const { app } = await tokenApp()
    const none = await app.request('/api/models')
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="model-catalogue", Basic realm="model-catalogue"')
    expect((await readError(none)).error).toEqual({
      type: 'authentication_error',
      message:
        'This needs you to be signed in: send a token (Authorization: Bearer <token>, or as the Basic password).',
    })
    const wrong = await app.request('/api/models', { headers: { Authorization: `Bearer ${PROMETHEUS_TOKEN}x` } })
    expect(wrong.status).toBe(401)
    expect((await readError(wrong)).error.message).toBe(
      'The token sent is not valid: it is mistyped, or it was revoked. Ask for a new one.',
    )
  })

  it('refuses a token once its line is removed (revoked)', async () => {
    const { app, revoke } = await tokenApp()
    const headers = { Authorization: `Bearer ${FEEDS_TOKEN}` }
    expect((await app.request('/feed.xml', { headers })).status).toBe(200)
    await revoke('feeds')
    expect((await app.request('/feed.xml', { headers })).status).toBe(401)
    expect((await app.request('/feed.xml', { headers: { Authorization: `Bearer ${PROMETHEUS_TOKEN}` } })).status).toBe(
      200,
    )
  })

  it('does not open the dashboard page with a token: tokens are for machines', async () => {
    const { app } = await tokenApp()
    const response = await app.request('/', { headers: { Authorization: `Bearer ${PROMETHEUS_TOKEN}` } })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBeNull()
    expect(await response.text()).toContain('Sign in first')
  })

  it('never puts a token in a response or a log line', async () => {
    const { app, logger } = await tokenApp()
    const bodies: string[] = []
    for (const token of [PROMETHEUS_TOKEN, `${FEEDS_TOKEN}x`]) {
      for (const path of ['/api/models', '/api/nope', '/feed.xml', '/']) {
        const response = await app.request(path, { headers: { Authorization: `Bearer ${token}` } })
        bodies.push(await response.text(), JSON.stringify([...response.headers]))
      }
    }
    for (const text of [...bodies, ...logger.lines]) {
      expect(text).not.toContain(PROMETHEUS_TOKEN)
      expect(text).not.toContain(FEEDS_TOKEN)
    }
  })

  it('keeps answers for a token out of shared caches', async () => {
    const { app } = await tokenApp()
    const response = await app.request('/api/models', { headers: { Authorization: `Bearer ${PROMETHEUS_TOKEN}` } })
    expect(response.headers.get('cache-control')).toMatch(/^private/)
    expect(response.headers.get('vary')).toContain('Authorization')
  })
})

function proxyApp(remote: string | undefined, auth: Partial<AuthConfig> = {}) {
  return createTestApp({
    config: {
      auth: {
        ...NO_AUTH,
        proxy: { header: 'x-forwarded-email', trusted: [parseCidr('10.0.0.0/8')!, parseCidr('fd00::/8')!] },
        ...auth,
      },
    },
    remoteAddress: () => remote,
  }).app
}

describe('behind a sign-in proxy', () => {
  const asAda = { 'X-Forwarded-Email': 'ada@example.com' }

  it('takes the user from the header when the request comes from a trusted address (IPv4 or IPv6)', async () => {
    for (const address of ['10.2.3.4', '::ffff:10.2.3.4', 'fd00::17']) {
      expect((await proxyApp(address).request('/api/models', { headers: asAda })).status, address).toBe(200)
    }
  })

  it("reads Google IAP's header, whose address comes after its namespace", async () => {
    const app = createTestApp({
      config: {
        auth: {
          ...NO_AUTH,
          proxy: { header: 'x-goog-authenticated-user-email', trusted: [parseCidr('35.191.0.0/16')!] },
          allowedEmails: ['ada@example.com'],
        },
      },
      remoteAddress: () => '35.191.4.1',
    }).app
    const response = await app.request('/api/me', {
      headers: { 'X-Goog-Authenticated-User-Email': 'accounts.google.com:ada@example.com' },
    })
    expect(await response.json()).toEqual({ name: 'ada@example.com', kind: 'proxy', sign_out_url: null })
  })

  it('refuses (401) the header from any other address', async () => {
    for (const address of ['192.168.1.9', '127.0.0.1', '2001:db8::1', undefined]) {
      const response = await proxyApp(address).request('/api/models', { headers: asAda })
      expect(response.status, String(address)).toBe(401)
      expect((await readError(response)).error.message).toBe(
        'The x-forwarded-email header is only taken from the sign-in proxy, and this request did not come from it. Open the dashboard through the proxy.',
      )
    }
  })

  it('refuses a request with no user, even from the proxy', async () => {
    expect((await proxyApp('10.0.0.1').request('/api/models')).status).toBe(401)
    expect((await proxyApp('10.0.0.1').request('/')).status).toBe(401)
  })

  it('answers 403 naming the account when the proxy vouches for someone not on the lists', async () => {
    const app = proxyApp('10.0.0.1', { allowedDomains: ['example.com'] })
    expect((await app.request('/api/models', { headers: asAda })).status).toBe(200)
    const other = await app.request('/api/models', { headers: { 'X-Forwarded-Email': 'eve@elsewhere.org' } })
    expect(other.status).toBe(403)
    expect((await readError(other)).error.message).toContain('eve@elsewhere.org may not use this dashboard')
  })
})

describe('no sign-in configured', () => {
  it('answers everyone, as before sign-in existed', async () => {
    const { app } = createTestApp()
    expect((await app.request('/api/models')).status).toBe(200)
  })

  it('says at /api/me that no one in particular is signed in', async () => {
    const { app } = createTestApp()
    expect(await (await app.request('/api/me')).json()).toEqual({ name: null, kind: 'anonymous', sign_out_url: null })
  })

  it('ignores a proxy header and tokens, which mean nothing without their settings', async () => {
    const { app } = createTestApp()
    const headers = { 'X-Forwarded-Email': 'ada@example.com', Authorization: 'Bearer whatever' }
    expect((await app.request('/api/models', { headers })).status).toBe(200)
  })
})

describe('the probes', () => {
  it('are never behind sign-in', async () => {
    const { app } = await tokenApp()
    for (const path of ['/healthz', '/readyz']) expect((await app.request(path)).status, path).not.toBe(401)
  })

  it('never serve the page at their paths: open without sign-in, they must not show the catalogue', async () => {
    const app = createApp(
      { ...TEST_CONFIG, auth: { ...NO_AUTH, tokensFile: '/etc/tokens' } },
      {
        fetch: createFakeUpstream({ apiKey: TEST_CONFIG.apiKey! }).fetch,
        client: {
          assets: (_c, next) => next(),
          indexHtml: '<!doctype html><title>dashboard page</title>',
          renderPage,
        },
      },
    )
    expect((await app.request('/?q=x')).status).toBe(401)
    for (const path of ['/healthz', '/readyz']) {
      const response = await app.request(path)
      expect(await response.text(), path).not.toContain('dashboard page')
    }
  })
})
