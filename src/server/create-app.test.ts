import { describe, expect, it } from 'vitest'
import { healthSchema } from '../contract/model'
import { DEMO_MODELS } from '../fake-upstream/demo-catalogue'
import { workspaceVariant } from '../fake-upstream/workspace-variant'
import { createFakeUpstream } from '../fake-upstream/fake-upstream'
import type { Fault } from '../fake-upstream/faults'
import { createCapturingLogger, createTestApp, readError, TEST_CONFIG } from '../testing/test-app'
import { secretsOf } from './config-secrets'
import { NO_AUTH } from './auth/auth-config'
import { parseCidr } from './auth/cidr'
import { parseTokenLines, sha256 } from './auth/tokens'
import { createApp } from './create-app'
import { createPinoLogger } from './observability/pino-logger'

const API_PATHS = ['/api/models', '/api/models/claude-opus-4-6', '/api/health']

describe('routing of /api', () => {
  it.each(API_PATHS.flatMap((path) => ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((method) => [method, path])))(
    'answers %s %s with 405, an Allow header and the error shape',
    async (method, path) => {
      const { app, fake } = createTestApp()
      const response = await app.request(path, { method })
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toContain('GET')
      expect((await readError(response)).error.type).toBe('invalid_request_error')
      expect(fake.stats.requests).toEqual([])
    },
  )

  it.each(API_PATHS)('answers HEAD %s like GET without a body', async (path) => {
    const { app } = createTestApp()
    const response = await app.request(path, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each(['/api', '/api/', '/api/model', '/api/models/', '/api/models/claude-opus-4-6/extra', '/api/v1/models'])(
    'answers the unknown path %s with 404 not_found_error',
    async (path) => {
      const { app, fake } = createTestApp()
      const response = await app.request(path)
      expect(response.status).toBe(404)
      expect((await readError(response)).error.type).toBe('not_found_error')
      expect(fake.stats.requests).toEqual([])
    },
  )

  it('serves nothing but /api when no client is mounted', async () => {
    const { app } = createTestApp()
    expect((await app.request('/')).status).toBe(404)
  })
})

describe('GET /api/health', () => {
  it('says live with a key, and reports no catalogue before the first walk without waiting for one', async () => {
    const { app, fake } = createTestApp()
    fake.setFault({ kind: 'hang' })
    const response = await app.request('/api/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(healthSchema.parse(await response.json())).toEqual({
      status: 'ok',
      mode: 'live',
      workspace: 'default',
      workspaces: ['default'],
      catalogue: {
        count: 0,
        fetched_at: null,
        age_seconds: null,
        stale: true,
        refresh_error: null,
        walking_for_seconds: null,
      },
    })
  })

  it('reports the size, age and freshness of the snapshot', async () => {
    const { app, listPage, clock } = createTestApp()
    // The snapshot holds every lifecycle stage, retired models too.
    const page = await listPage({ lifecycle: 'active,deprecated,retired' })
    clock.advance(61_000)
    const health = healthSchema.parse(await (await app.request('/api/health')).json())
    expect(health.catalogue).toEqual({
      count: page.total,
      fetched_at: page.fetched_at,
      age_seconds: 61,
      stale: true,
      refresh_error: null,
      walking_for_seconds: null,
    })
  })

  it('stays 200 when the upstream is down, with refresh_error saying why', async () => {
    const { app, fake } = createTestApp()
    fake.setFault({ kind: 'status', status: 401 })
    await app.request('/api/models')
    const response = await app.request('/api/health')
    expect(response.status).toBe(200)
    const health = healthSchema.parse(await response.json())
    expect(health.catalogue.count).toBe(0)
    expect(health.catalogue.refresh_error).toMatch(/rejected/)
  })

  it('says demo and serves the built-in demo catalogue when there is no API key', async () => {
    const app = createApp({ ...TEST_CONFIG, apiKey: null, baseURL: 'http://must-not-be-called.invalid' })
    const health = healthSchema.parse(await (await app.request('/api/health')).json())
    expect(health.mode).toBe('demo')
    const response = await app.request('/api/models?limit=1000')
    expect(response.status).toBe(200)
    const page = (await response.json()) as { total: number; data: { id: string }[] }
    const listed = DEMO_MODELS.filter((model) => model.lifecycle !== 'retired')
    expect(page.data.map((model) => model.id)).toEqual(listed.map((model) => model.id))
  })

  it("gives the demo's line-up its past: the retirements of the notes are changes at their dates, and nothing since", async () => {
    const now = () => Date.UTC(2026, 10, 30, 12)
    // A retention long enough for Claude 2.x's retirement in 2025, which the default 365 days would drop.
    const app = createApp(
      { ...TEST_CONFIG, apiKey: null, baseURL: 'http://must-not-be-called.invalid', historyRetentionDays: 3650 },
      { now },
    )
    expect((await app.request('/api/models')).status).toBe(200)
    const response = await app.request('/api/changes?kind=lifecycle_changed&limit=1000')
    expect(response.status).toBe(200)
    const { data } = (await response.json()) as {
      data: { model_id: string; at: string; before?: string; after?: string }[]
    }
    const retirements = data.filter((change) => change.after === 'retired')
    expect(retirements).toContainEqual(
      expect.objectContaining({
        model_id: 'claude-opus-4-1-20250805',
        at: '2026-08-05T00:00:00.000Z',
        before: 'deprecated',
      }),
    )
    expect(retirements.map((change) => change.model_id).sort()).toEqual(
      DEMO_MODELS.filter((model) => model.lifecycle === 'retired')
        .map((model) => model.id)
        .sort(),
    )
    // The first live walk finds the catalogue as the past left it.
    expect(data.every((change) => Date.parse(change.at) < now())).toBe(true)
  })

  it('gives every demo workspace the past of its own variant of the line-up', async () => {
    const now = () => Date.UTC(2026, 10, 30, 12)
    const app = createApp(
      {
        ...TEST_CONFIG,
        apiKey: null,
        baseURL: 'http://must-not-be-called.invalid',
        historyRetentionDays: 3650,
        demoWorkspaces: ['staging', 'research'],
      },
      { now },
    )
    for (const workspace of ['staging', 'research']) {
      expect((await app.request(`/api/models?workspace=${workspace}`)).status).toBe(200)
      const response = await app.request(`/api/changes?workspace=${workspace}&limit=1000`)
      expect(response.status).toBe(200)
      const { data } = (await response.json()) as { data: { model_id: string; kind: string; after?: string }[] }
      const variant = workspaceVariant(DEMO_MODELS, workspace, now())
      const retired = variant.filter((model) => model.lifecycle === 'retired').map((model) => model.id)
      expect(retired.length).toBeGreaterThan(0)
      expect(
        data
          .filter((change) => change.after === 'retired')
          .map((change) => change.model_id)
          .sort(),
      ).toEqual(retired.sort())
      // A model this workspace does not have was never in its past either.
      const absent = DEMO_MODELS.filter((model) => !variant.some((each) => each.id === model.id))
      expect(absent.length).toBeGreaterThan(0)
      expect(data.some((change) => absent.some((model) => model.id === change.model_id))).toBe(false)
    }
  })

  it('serves a synthetic demo catalogue of the configured size', async () => {
    const app = createApp({ ...TEST_CONFIG, apiKey: null, demoModels: 1500 })
    const response = await app.request('/api/models?limit=1')
    expect(((await response.json()) as { total: number }).total).toBe(1500)
  })
})

describe('security headers', () => {
  const requests: [string, string, RequestInit?][] = [
    ['a page of models', '/api/models'],
    ['a bad request', '/api/models?limit=0'],
    ['an unknown path', '/api/nothing'],
    ['a refused method', '/api/models', { method: 'POST' }],
    ['the health check', '/api/health'],
    ['a missing model', '/api/models/claude-nope'],
  ]

  it.each(requests)('are on %s', async (_what, path, init) => {
    const { app } = createTestApp()
    const response = await app.request(path, init)
    const csp = response.headers.get('content-security-policy') ?? ''
    const directives = new Map(
      csp.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/)
        return [name, values.join(' ')] as const
      }),
    )
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('are on a 304 too', async () => {
    const { app } = createTestApp()
    const etag = (await app.request('/api/models')).headers.get('etag')!
    const response = await app.request('/api/models', { headers: { 'If-None-Match': etag } })
    expect(response.status).toBe(304)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('the API key never leaves the server', () => {
  const TEST_KEY = 'sk-ant-api03-LEAKCHECK-7d1f0c9e2b'

  /** Everything a client could see of a response: status line, headers and body. */
  async function visible(response: Response): Promise<string> {
    return `${response.status}\n${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${await response.text()}`
  }

  const faults: (Fault | null)[] = [
    null,
    { kind: 'status', status: 401 },
    { kind: 'status', status: 403 },
    { kind: 'status', status: 429, retryAfterSeconds: 2 },
    { kind: 'status', status: 500 },
    { kind: 'status', status: 529 },
    { kind: 'malformed' },
    { kind: 'reset' },
    { kind: 'hang' },
  ]

  it('is in no response body or header and in no log line, whatever the upstream does', async () => {
    const seen: string[] = []
    const logger = createCapturingLogger()
    for (const fault of faults) {
      const {
        app,
        fake,
        clock,
        logger: appLogger,
      } = createTestApp({
        config: { apiKey: TEST_KEY, upstreamTimeoutMs: 30 },
        pacing: { retryAfterFailureMs: 0, forcedRefreshIntervalMs: 0 },
      })
      fake.setFault(fault)
      for (const path of [
        '/api/models',
        '/api/models?refresh=1',
        '/api/models/claude-opus-4-6',
        '/api/models/claude-nope',
        '/api/models?limit=0',
        '/api/health',
        '/api/nothing',
      ]) {
        seen.push(await visible(await app.request(path)))
      }
      // Once more with a snapshot that has gone stale, so stale-if-error paths run too.
      fake.setFault(null)
      await app.request('/api/models')
      fake.setFault(fault)
      clock.advance(TEST_CONFIG.ttlSeconds * 1000)
      seen.push(await visible(await app.request('/api/models')))
      seen.push(await visible(await app.request('/api/models?refresh=1')))
      seen.push(await visible(await app.request('/api/health')))
      logger.lines.push(...appLogger.lines)
    }
    expect(seen.length).toBeGreaterThan(50)
    for (const text of [...seen, ...logger.lines]) expect(text).not.toContain(TEST_KEY)
    expect(logger.lines.length).toBeGreaterThan(0)
  })

  it('is in no line of the JSON or pretty log, nor are the bearer tokens and cookies requests carry', async () => {
    const TOKEN = 'tok-LEAKCHECK-5e0a77'
    const COOKIE = 'sess-LEAKCHECK-c41f'
    const credentials = { authorization: `Bearer ${TOKEN}`, cookie: `session=${COOKIE}` }
    for (const format of ['json', 'pretty'] as const) {
      const lines: string[] = []
      const config = { ...TEST_CONFIG, apiKey: TEST_KEY, upstreamTimeoutMs: 30 }
      const logger = createPinoLogger({
        format,
        level: 'debug',
        secrets: secretsOf(config),
        destination: { write: (line) => void lines.push(line) },
      })
      const fake = createFakeUpstream({ apiKey: TEST_KEY })
      const app = createApp(config, {
        fetch: fake.fetch,
        logger,
        pacing: { retryAfterFailureMs: 0, forcedRefreshIntervalMs: 0 },
      })
      for (const fault of faults) {
        fake.setFault(fault)
        for (const path of ['/api/models?refresh=1', '/api/models/claude-nope', '/api/health', '/readyz', '/metrics']) {
          await app.request(path, { headers: credentials })
        }
      }
      expect(lines.length, format).toBeGreaterThan(faults.length * 5)
      for (const line of lines) {
        for (const secret of [TEST_KEY, TOKEN, COOKIE]) expect(line).not.toContain(secret)
      }
    }
  })

  it('is not passed on even when the upstream echoes it in an error', async () => {
    const logger = createCapturingLogger()
    const echoing = async () =>
      Response.json(
        { type: 'error', error: { type: 'api_error', message: `bad request from key ${TEST_KEY}` } },
        { status: 500, headers: { 'x-echo': TEST_KEY } },
      )
    const app = createApp({ ...TEST_CONFIG, apiKey: TEST_KEY }, { fetch: echoing, logger })
    for (const path of ['/api/models', '/api/models/claude-opus-4-6', '/api/health']) {
      expect(await visible(await app.request(path))).not.toContain(TEST_KEY)
    }
    for (const line of logger.lines) expect(line).not.toContain(TEST_KEY)
  })
})

describe('sign-in secrets never leave the server', () => {
  const TOKEN = 'mcd_LEAKCHECK_token_5e1d9a7c3b'
  const CLIENT_SECRET = 'LEAKCHECK-client-secret-4c2a'
  const SESSION_SECRET = 'LEAKCHECK-session-secret-0123456789abcdef'
  const FORGED_COOKIE = 'LEAKCHECKforgedCookieValue0123456789'

  async function visible(response: Response): Promise<string> {
    return `${response.status}\n${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${await response.text()}`
  }

  it('no token, cookie, client secret or session secret is in a response or a log line', async () => {
    const lines = parseTokenLines(`ci:${Buffer.from(await sha256(TOKEN)).toString('hex')}`, 'tokens')
    const { app, logger } = createTestApp({
      config: {
        auth: {
          ...NO_AUTH,
          publicUrl: 'http://localhost',
          tokensFile: '/etc/tokens',
          proxy: { header: 'x-forwarded-email', trusted: [parseCidr('10.0.0.0/8')!] },
          // Nothing listens on port 1: sign-in fails the way an unreachable provider does, with no network.
          oidc: {
            issuer: 'http://127.0.0.1:1',
            clientId: 'dashboard',
            clientSecret: CLIENT_SECRET,
            sessionSecret: SESSION_SECRET,
            sessionMaxAgeSeconds: 3600,
          },
          allowedDomains: ['example.com'],
        },
      },
      tokens: () => (lines.ok ? lines.entries : []),
      remoteAddress: () => '192.168.0.9',
    })
    const requests: [string, Record<string, string>][] = [
      ['/api/models', { Authorization: `Bearer ${TOKEN}` }],
      ['/api/models', { Authorization: `Bearer ${TOKEN}-revoked` }],
      ['/feed.xml', { Authorization: `Basic ${Buffer.from(`reader:${TOKEN}x`).toString('base64')}` }],
      ['/api/me', { Cookie: `catalogue_session=${FORGED_COOKIE}` }],
      ['/?q=x', { Cookie: `catalogue_session=${FORGED_COOKIE}` }],
      ['/auth/callback?code=abc&state=def', { Cookie: `catalogue_sign_in=${FORGED_COOKIE}` }],
      ['/auth/sign-in?return_to=/', {}],
      ['/auth/sign-out', { Cookie: `catalogue_session=${FORGED_COOKIE}` }],
      ['/api/models', { 'X-Forwarded-Email': 'ada@example.com', Authorization: `Bearer ${TOKEN}x` }],
    ]
    const seen: string[] = []
    for (const [path, headers] of requests) seen.push(await visible(await app.request(path, { headers })))
    expect(seen.length).toBe(requests.length)
    for (const text of [...seen, ...logger.lines]) {
      for (const secret of [TOKEN, CLIENT_SECRET, SESSION_SECRET, FORGED_COOKIE]) expect(text).not.toContain(secret)
    }
  })
})
