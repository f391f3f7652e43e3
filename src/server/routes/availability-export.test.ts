import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { parseCsv } from '../../testing/csv'
import { createTestApp, readError } from '../../testing/test-app'

const WRONG_KEY = 'sk-ant-wrong-workspace-key-7d1e'

function model(id: string, displayName: string, createdAt = '2025-06-01T00:00:00Z'): Model {
  return { id, type: 'model', display_name: displayName, created_at: createdAt, lifecycle: 'active' }
}

const MODELS: Model[] = [
  model('claude-plain', 'Claude Plain', '2025-07-01T00:00:00Z'),
  model('claude-formula', '=HYPERLINK("http://evil.example","x")'),
  model('claude-undated', 'Claude, undated', '1970-01-01T00:00:00Z'),
]

/** The default workspace, and broken (a key the upstream refuses): its column is unknown. */
function appWithBrokenWorkspace() {
  return createTestApp({
    upstream: { models: MODELS },
    config: {
      workspaces: [{ name: 'broken', keyVariable: 'ANTHROPIC_API_KEY_BROKEN', apiKey: WRONG_KEY, workspaceId: null }],
    },
  })
}

describe('GET /api/availability/export', () => {
  it('CSV: id, name, date (empty when unknown), a status column per workspace, unknown where it failed, cells neutralised', async () => {
    const { app } = appWithBrokenWorkspace()
    const response = await app.request('/api/availability/export?format=csv&sort=id')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="availability-by-id-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-total-count')).toBe('3')
    const rows = parseCsv(await response.text())
    expect(rows).toEqual([
      ['id', 'display_name', 'created_at', 'status:default', 'status:broken'],
      ['claude-formula', `'=HYPERLINK("http://evil.example","x")`, '2025-06-01T00:00:00Z', 'available', 'unknown'],
      ['claude-plain', 'Claude Plain', '2025-07-01T00:00:00Z', 'available', 'unknown'],
      ['claude-undated', 'Claude, undated', '', 'available', 'unknown'],
    ])
  })

  it('JSON: the rows of the whole view with every workspace’s status, the upstream’s date as it came', async () => {
    const { app } = appWithBrokenWorkspace()
    const response = await app.request('/api/availability/export?format=json&q=undated')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/filename="availability-undated-by-created_at-desc-/)
    expect(await response.json()).toEqual([
      {
        id: 'claude-undated',
        display_name: 'Claude, undated',
        created_at: '1970-01-01T00:00:00Z',
        status: { default: 'available', broken: 'unknown' },
      },
    ])
  })

  it('takes the view’s filter, sort and differs, as the page does', async () => {
    const { app } = createTestApp({
      upstream: { models: MODELS },
      config: {
        workspaces: [
          { name: 'staging', keyVariable: 'ANTHROPIC_API_KEY_STAGING', apiKey: FAKE_API_KEY, workspaceId: 'staging' },
        ],
      },
    })
    const page = await (await app.request('/api/availability?differs=1&sort=-id&limit=1000')).json()
    const exported = await (await app.request('/api/availability/export?format=json&differs=true&sort=-id')).json()
    expect(exported.map((row: { id: string }) => row.id)).toEqual(page.data.map((row: { id: string }) => row.id))
  })

  it.each(['csv', 'json'])('is gzipped as it streams (%s), like the models export', async (format) => {
    // Big enough to be worth compressing.
    const { app } = createTestApp({ upstream: { models: syntheticCatalogue(300) } })
    const plain = await app.request(`/api/availability/export?format=${format}`)
    const gzipped = await app.request(`/api/availability/export?format=${format}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gzipped.headers.get('content-disposition')).toBe(plain.headers.get('content-disposition'))
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8')).toBe(await plain.text())
  })

  it.each([
    ['no format', '', /format must be given once/],
    ['an unknown format', 'format=xlsx', /format must be given once/],
    ['a page size', 'format=csv&limit=10', /leave out limit/],
    ['a cursor', 'format=csv&after_id=claude-plain', /leave out after_id/],
    ['a bad sort', 'format=csv&sort=price', /sort must be one of/],
    ['a workspace it does not have', 'format=csv&sort=status:nowhere', /does not have: nowhere/],
  ])('refuses %s with a 400 that says why', async (_name, search, message) => {
    const { app } = appWithBrokenWorkspace()
    const response = await app.request(`/api/availability/export?${search}`)
    expect(response.status).toBe(400)
    expect((await readError(response)).error.message).toMatch(message)
  })

  it('answers only GET', async () => {
    const { app } = appWithBrokenWorkspace()
    expect((await app.request('/api/availability/export?format=csv', { method: 'POST' })).status).toBe(405)
  })
})
