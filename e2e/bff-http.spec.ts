import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { fakeUpstream } from './support/fake-upstream'
import { E2E_UPSTREAM_KEY } from './support/ports'

// The BFF as a new user meets it: the built server, ANTHROPIC_BASE_URL pointed
// at a fake upstream of their own, checked from outside through HTTP only.

test.beforeEach(async () => {
  await fakeUpstream.reset()
})

type Page = {
  data: { id: string }[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
  total: number
  offset: number
}

test('walking every page forwards and backwards gives the whole filtered, sorted view once', async ({ request }) => {
  const view = 'q=sonnet&sort=-display_name'
  const forward: string[] = []
  let cursor = ''
  for (;;) {
    const response = await request.get(`/api/models?${view}&limit=7${cursor}`)
    expect(response.status()).toBe(200)
    const page = (await response.json()) as Page
    expect(page.offset).toBe(forward.length)
    forward.push(...page.data.map((model) => model.id))
    if (!page.has_more) break
    cursor = `&after_id=${page.last_id}`
  }
  const total = ((await (await request.get(`/api/models?${view}&limit=1000`)).json()) as Page).data.map((m) => m.id)
  expect(forward).toEqual(total)
  expect(new Set(forward).size).toBe(forward.length)

  const backward: string[] = []
  cursor = `&before_id=${forward.at(-1)}`
  backward.unshift(forward.at(-1)!)
  for (;;) {
    const page = (await (await request.get(`/api/models?${view}&limit=7${cursor}`)).json()) as Page
    backward.unshift(...page.data.map((model) => model.id))
    if (!page.has_more) break
    cursor = `&before_id=${page.first_id}`
  }
  expect(backward).toEqual(forward)
})

test('bad parameters are 400s in the upstream error shape, and the server stays up', async ({ request }) => {
  for (const query of [
    'limit=0',
    'limit=1001',
    'limit=abc',
    'sort=price',
    `q=${'x'.repeat(201)}`,
    'after_id=a&before_id=b',
    'after_id=nope',
  ]) {
    const response = await request.get(`/api/models?${query}`)
    expect(response.status(), query).toBe(400)
    const body = await response.json()
    expect(body.type).toBe('error')
    expect(body.error.type).toBe('invalid_request_error')
    expect(typeof body.error.message).toBe('string')
  }
  expect((await request.get('/api/models/...')).status()).toBe(400)
  expect((await request.get('/api/models/a%2Fb')).status()).toBe(400)
  expect((await request.get('/api/health')).status()).toBe(200)
})

test('upstream failures map to statuses and types the dashboard can explain', async ({ request }) => {
  const cases = [
    { fault: { kind: 'status', status: 401 }, status: 502, type: 'authentication_error' },
    { fault: { kind: 'status', status: 403 }, status: 502, type: 'permission_error' },
    {
      fault: { kind: 'status', status: 429, retryAfterSeconds: 7 },
      status: 503,
      type: 'rate_limit_error',
      retryAfter: '7',
    },
    {
      fault: { kind: 'status', status: 529, retryAfterSeconds: 3 },
      status: 503,
      type: 'overloaded_error',
      // The BFF repeats a failed lookup for LOOKUP_ERROR_TTL_MS (5 s), longer than the upstream's 3 s: it says when it asks again.
      retryAfter: '5',
    },
    { fault: { kind: 'status', status: 500 }, status: 502, type: 'api_error' },
    { fault: { kind: 'malformed' }, status: 502, type: 'api_error' },
    { fault: { kind: 'reset' }, status: 502, type: 'api_error' },
    { fault: { kind: 'hang' }, status: 504, type: 'timeout_error' },
  ] as const
  for (const [index, expected] of cases.entries()) {
    await fakeUpstream.fault(expected.fault)
    const response = await request.get(`/api/models/probe-${index}-${Date.now()}`)
    expect(response.status(), JSON.stringify(expected.fault)).toBe(expected.status)
    const body = await response.json()
    expect(body.error.type).toBe(expected.type)
    if ('retryAfter' in expected) expect(response.headers()['retry-after']).toBe(expected.retryAfter)
    expect(JSON.stringify(body)).not.toContain(E2E_UPSTREAM_KEY)
  }
  await fakeUpstream.fault(null)
  expect((await request.get('/api/models/claude-not-a-model')).status()).toBe(404)
  expect((await request.get('/api/models/claude-sonnet-4-5')).status()).toBe(200)
})

test('once a snapshot exists, a failing upstream does not fail the list: the old data comes with the reason', async ({
  request,
}) => {
  expect((await request.get('/api/models')).status()).toBe(200)
  await fakeUpstream.fault({ kind: 'status', status: 529 })
  await expect(async () => {
    const response = await request.get('/api/models?refresh=1')
    expect(response.status()).toBe(200)
    const page = await response.json()
    expect(page.data.length).toBeGreaterThan(0)
    expect(page.refresh_error).toMatch(/overloaded/i)
  }).toPass({ timeout: 15_000, intervals: [1000] })
  await fakeUpstream.fault(null)
})

test('every response carries the security headers and never the key', async ({ request }) => {
  for (const path of [
    '/',
    '/api/models',
    '/api/health',
    '/api/models/claude-opus-4-6',
    '/api/nope',
    '/some/app/route',
  ]) {
    const response = await request.get(path)
    const headers = response.headers()
    expect(headers['content-security-policy'], path).toContain("script-src 'self'")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['x-powered-by']).toBeUndefined()
    expect(JSON.stringify(headers) + (await response.text())).not.toContain(E2E_UPSTREAM_KEY)
  }
  expect((await request.post('/api/models')).status()).toBe(405)
  expect((await request.get('/api/nope')).status()).toBe(404)
  expect((await request.get('/some/app/route')).headers()['content-type']).toContain('text/html')
})

test('the built dashboard holds no key: nothing under dist/client mentions it', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
    )
  const built = files('dist/client')
  expect(built.length).toBeGreaterThan(0)
  for (const file of built) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toContain(E2E_UPSTREAM_KEY)
    // The demo banner shows `sk-ant-…` as an example; a real-looking key has more after the prefix.
    expect(text, file).not.toMatch(/sk-ant-[A-Za-z0-9_-]{8,}/)
  }
})
