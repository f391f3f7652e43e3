import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp, readError, type TestAppOptions } from '../../testing/test-app'
import { type AuthConfig, authConfig, NO_AUTH } from './auth-config'
import { parseCidr } from './cidr'
import { parseTokenLines, sha256 } from './tokens'

const FULL = syntheticCatalogue(40)
const SHORT = FULL.slice(0, 10)
const PLAIN_TOKEN = 'mcd_plain_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d'
const OPERATOR_TOKEN = 'mcd_operator_9f8e7d6c5b4a39281706f5e4d3c2b1a0'

/** An app whose last walk lost three quarters of the catalogue: doubted, the old one kept as stale. */
async function doubtingApp(auth: AuthConfig, options: TestAppOptions = {}, headers: Record<string, string> = {}) {
  const test = createTestApp({
    ...options,
    config: { auth },
    upstream: { models: FULL },
    pacing: { forcedRefreshIntervalMs: 0 },
  })
  const list = (query: string) => test.app.request(`/api/models?${query}`, { headers })
  expect((await list('limit=1')).status).toBe(200)
  test.fake.setModels(SHORT)
  const doubted = (await (await list('refresh=1')).json()) as { total: number; stale: boolean }
  expect(doubted).toMatchObject({ total: FULL.length, stale: true })
  return { ...test, list }
}

async function tokenLines(): Promise<string> {
  const line = async (name: string, token: string) => `${name}:${Buffer.from(await sha256(token)).toString('hex')}`
  return [await line('ci', PLAIN_TOKEN), `${await line('oncall', OPERATOR_TOKEN)}:operator`].join('\n')
}

async function withTokens() {
  const parsed = parseTokenLines(await tokenLines(), 'tokens')
  if (!parsed.ok) throw new Error(parsed.message)
  return { auth: { ...NO_AUTH, tokensFile: '/etc/tokens', localOperator: false }, entries: parsed.entries }
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(403)
  const body = await readError(response)
  expect(body.error.type).toBe('permission_error')
  expect(body.error.message).toMatch(/for operators.*operator role.*AUTH_OPERATORS/)
}

describe('refresh=1&accept=1, an operator’s action', () => {
  it('with no sign-in on loopback: whoever is at the machine may accept', async () => {
    const { list } = await doubtingApp(NO_AUTH)
    const accepted = (await (await list('refresh=1&accept=1')).json()) as { total: number; stale: boolean }
    expect(accepted).toMatchObject({ total: SHORT.length, stale: false })
  })

  it('with tokens: a token without the operator role is refused (403) before any upstream call', async () => {
    const { auth, entries } = await withTokens()
    const { app, fake } = await doubtingApp(auth, { tokens: () => entries }, { Authorization: `Bearer ${PLAIN_TOKEN}` })
    const requests = fake.stats.requests.length
    await expectRefused(
      await app.request('/api/models?refresh=1&accept=1', { headers: { Authorization: `Bearer ${PLAIN_TOKEN}` } }),
    )
    expect(fake.stats.requests.length).toBe(requests)
    // The doubted catalogue is still not believed.
    const page = await app.request('/api/models', { headers: { Authorization: `Bearer ${PLAIN_TOKEN}` } })
    expect(await page.json()).toMatchObject({ total: FULL.length, stale: true })
  })

  it('with tokens: a token with the operator role accepts', async () => {
    const { auth, entries } = await withTokens()
    const { app } = await doubtingApp(auth, { tokens: () => entries }, { Authorization: `Bearer ${PLAIN_TOKEN}` })
    const response = await app.request('/api/models?refresh=1&accept=1', {
      headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ total: SHORT.length, stale: false })
  })

  it('behind a sign-in proxy: an account in AUTH_OPERATORS accepts, any other is refused', async () => {
    const auth: AuthConfig = {
      ...NO_AUTH,
      localOperator: false,
      proxy: { header: 'x-forwarded-email', trusted: [parseCidr('10.0.0.0/8')!] },
      operators: ['ada@example.com'],
    }
    const asGrace = { 'X-Forwarded-Email': 'grace@example.com' }
    const { app } = await doubtingApp(auth, { remoteAddress: () => '10.0.0.1' }, asGrace)
    await expectRefused(await app.request('/api/models?refresh=1&accept=1', { headers: asGrace }))
    const response = await app.request('/api/models?refresh=1&accept=1', {
      headers: { 'X-Forwarded-Email': 'Ada@Example.com' },
    })
    expect(await response.json()).toMatchObject({ total: SHORT.length, stale: false })
  })

  it('on an open server on the network (AUTH=none): nobody may accept; agreeing walks still can', async () => {
    const { list } = await doubtingApp({ ...NO_AUTH, open: true, localOperator: false })
    await expectRefused(await list('refresh=1&accept=1'))
    expect(await (await list('refresh=1')).json()).toMatchObject({ total: SHORT.length, stale: false })
  })

  it('asks nothing of anyone for refresh=1 alone, or accept=1 without refresh', async () => {
    const { auth, entries } = await withTokens()
    const { list } = await doubtingApp(auth, { tokens: () => entries }, { Authorization: `Bearer ${PLAIN_TOKEN}` })
    expect((await list('accept=1')).status).toBe(200)
    expect((await list('refresh=1')).status).toBe(200)
  })
})

describe('operator settings', () => {
  const base = { HOST: '127.0.0.1' }

  it('make whoever is at the machine the operator only with no sign-in on a loopback HOST', () => {
    const local = authConfig(base)
    const open = authConfig({ HOST: '0.0.0.0', AUTH: 'none' })
    const tokens = authConfig({ ...base, AUTH_TOKENS_FILE: '/etc/tokens' })
    expect([local, open, tokens].map((parsed) => parsed.ok && parsed.value.localOperator)).toEqual([true, false, false])
  })

  it('read AUTH_OPERATORS in lower case, and refuse it with no sign-in that names users', () => {
    const proxied = authConfig({
      ...base,
      AUTH_PROXY_HEADER: 'X-Forwarded-Email',
      AUTH_PROXY_TRUSTED: ['10.0.0.0/8'],
      AUTH_OPERATORS: ['ada@example.com'],
    })
    expect(proxied.ok && proxied.value.operators).toEqual(['ada@example.com'])
    const alone = authConfig({ ...base, AUTH_TOKENS_FILE: '/etc/tokens', AUTH_OPERATORS: ['ada@example.com'] })
    expect(alone.ok).toBe(false)
    expect(!alone.ok && alone.message).toMatch(/AUTH_OPERATORS.*operator role in AUTH_TOKENS_FILE/)
  })

  it('read the operator role at the end of a token line, and nothing else there', () => {
    const hex = 'ab'.repeat(32)
    const parsed = parseTokenLines(`plain:${hex}\noncall:${hex.replace('ab', 'cd')}:operator`, 'tokens')
    expect(parsed.ok && parsed.entries.map((entry) => [entry.name, entry.operator])).toEqual([
      ['plain', false],
      ['oncall', true],
    ])
    const wrong = parseTokenLines(`admin:${hex}:root`, 'tokens')
    expect(!wrong.ok && wrong.message).toMatch(/tokens line 1 .*":operator"/)
  })
})
