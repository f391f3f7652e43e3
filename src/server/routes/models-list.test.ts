import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp, readError } from '../../testing/test-app'

const EPOCH = '1970-01-01T00:00:00Z'

function model(id: string, displayName: string, createdAt: string): Model {
  return { id, type: 'model', display_name: displayName, created_at: createdAt }
}

/** A small catalogue, in upstream order, with numeric names, case-only differences, ties and unknown dates. */
const SMALL: Model[] = [
  model('haiku-10', 'Haiku 10', '2025-03-01T00:00:00Z'),
  model('haiku-2', 'Haiku 2', '2025-01-01T00:00:00Z'),
  model('sonnet-a', 'Sonnet', EPOCH),
  model('opus-x', 'opus', '2025-02-01T00:00:00Z'),
  model('sonnet-b', 'sonnet', '2025-02-01T00:00:00Z'),
  model('claude-x-1', 'Secret Name', EPOCH),
]

const ids = (models: readonly Model[]) => models.map((entry) => entry.id)

async function idsOf(search: Record<string, string>, models: readonly Model[] = SMALL) {
  const { listPage } = createTestApp({ upstream: { models } })
  return ids((await listPage({ limit: '1000', ...search })).data)
}

async function badRequest(search: string, models: readonly Model[] = SMALL) {
  const { app, fake } = createTestApp({ upstream: { models } })
  const response = await app.request(`/api/models?${search}`)
  expect(response.status).toBe(400)
  const body = await readError(response)
  expect(body.error.type).toBe('invalid_request_error')
  return { body, fake }
}

describe('GET /api/models: limit', () => {
  it('gives 20 models when limit is not given', async () => {
    const { listPage } = createTestApp({ upstream: { models: syntheticCatalogue(50) } })
    const page = await listPage()
    expect(page.data).toHaveLength(20)
    expect(page.has_more).toBe(true)
  })

  it.each([1, 7, 1000])('gives at most limit=%i models', async (limit) => {
    const models = syntheticCatalogue(1200)
    const { listPage } = createTestApp({ upstream: { models } })
    expect(ids((await listPage({ limit: String(limit) })).data)).toEqual(ids(models.slice(0, limit)))
  })

  it.each(['0', '1001', 'abc', '1.5', '-1', '1e3', ' 5', '99999999'])(
    'refuses limit=%s with a 400 naming limit, before asking the upstream',
    async (limit) => {
      const { body, fake } = await badRequest(`limit=${encodeURIComponent(limit)}`)
      expect(body.error.message).toContain('limit')
      expect(fake.stats.requests).toEqual([])
    },
  )
})

describe('GET /api/models: cursors', () => {
  it('gives the page right after after_id and right before before_id', async () => {
    const { listPage } = createTestApp({ upstream: { models: SMALL } })
    const after = await listPage({ limit: '2', after_id: 'haiku-2' })
    expect(ids(after.data)).toEqual(['sonnet-a', 'opus-x'])
    expect(after).toMatchObject({ offset: 2, has_more: true, first_id: 'sonnet-a', last_id: 'opus-x' })
    const before = await listPage({ limit: '2', before_id: 'opus-x' })
    expect(ids(before.data)).toEqual(['haiku-2', 'sonnet-a'])
    expect(before).toMatchObject({ offset: 1, has_more: true })
  })

  it('says has_more of the direction asked for', async () => {
    const { listPage } = createTestApp({ upstream: { models: SMALL } })
    expect((await listPage({ limit: '3', after_id: 'haiku-2' })).has_more).toBe(true)
    expect((await listPage({ limit: '3', after_id: 'sonnet-a' })).has_more).toBe(false)
    expect((await listPage({ limit: '2', before_id: 'sonnet-a' })).has_more).toBe(false)
    expect((await listPage({ limit: '1', before_id: 'sonnet-a' })).has_more).toBe(true)
  })

  it('refuses after_id and before_id together with a 400', async () => {
    const { body } = await badRequest('after_id=haiku-2&before_id=opus-x')
    expect(body.error.message).toMatch(/after_id.*before_id/)
  })

  it.each(['after_id', 'before_id'])('refuses an unknown %s with a 400 naming the parameter', async (name) => {
    const { body } = await badRequest(`${name}=claude-gone`)
    expect(body.error.message).toContain(name)
  })

  it.each(['after_id', 'before_id'])('refuses a %s that the filter leaves out with a 400 naming it', async (name) => {
    const { body } = await badRequest(`q=haiku&${name}=opus-x`)
    expect(body.error.message).toContain(name)
  })

  it('refuses a cursor that could not be a model id', async () => {
    const { body } = await badRequest(`after_id=${encodeURIComponent('a/b')}`)
    expect(body.error.message).toContain('after_id')
  })
})

describe('GET /api/models: q', () => {
  it('keeps models whose id or display name contains the term, in upstream order', async () => {
    expect(await idsOf({ q: 'haiku' })).toEqual(['haiku-10', 'haiku-2'])
  })

  it('matches case-insensitively', async () => {
    expect(await idsOf({ q: 'SONNET' })).toEqual(['sonnet-a', 'sonnet-b'])
  })

  it('searches the display name as well as the id', async () => {
    expect(await idsOf({ q: 'secret' })).toEqual(['claude-x-1'])
    expect(await idsOf({ q: 'x-1' })).toEqual(['claude-x-1'])
  })

  it('needs every term, each in the id or the display name', async () => {
    expect(await idsOf({ q: 'haiku 2' })).toEqual(['haiku-2'])
    expect(await idsOf({ q: '  claude   secret ' })).toEqual(['claude-x-1'])
    expect(await idsOf({ q: 'sonnet b' })).toEqual(['sonnet-b'])
  })

  it('never matches a term across the end of the id and the start of the display name', async () => {
    expect(await idsOf({ q: 'x-1secret' })).toEqual([])
  })

  it('treats an empty or blank q as no filter', async () => {
    expect(await idsOf({ q: '' })).toEqual(ids(SMALL))
    expect(await idsOf({ q: '   ' })).toEqual(ids(SMALL))
  })

  it('accepts a q of 200 characters and refuses 201 with a 400', async () => {
    expect(await idsOf({ q: 'a'.repeat(200) })).toEqual([])
    const { body } = await badRequest(`q=${'a'.repeat(201)}`)
    expect(body.error.message).toContain('q')
  })
})

describe('GET /api/models: sort', () => {
  it('sorts by id with numeric collation, ascending and descending', async () => {
    const ascending = ['claude-x-1', 'haiku-2', 'haiku-10', 'opus-x', 'sonnet-a', 'sonnet-b']
    expect(await idsOf({ sort: 'id' })).toEqual(ascending)
    expect(await idsOf({ sort: '-id' })).toEqual([...ascending].reverse())
  })

  it('puts "Haiku 2" before "Haiku 10" and ignores case, keeping upstream order on ties', async () => {
    expect(await idsOf({ sort: 'display_name' })).toEqual([
      'haiku-2',
      'haiku-10',
      'opus-x',
      'claude-x-1',
      'sonnet-a',
      'sonnet-b',
    ])
    // "Sonnet" and "sonnet" tie: descending keeps their upstream order rather than reversing it.
    expect(await idsOf({ sort: '-display_name' })).toEqual([
      'sonnet-a',
      'sonnet-b',
      'claude-x-1',
      'opus-x',
      'haiku-10',
      'haiku-2',
    ])
  })

  it('sorts by release date, ties in upstream order and unknown dates last in both directions', async () => {
    expect(await idsOf({ sort: 'created_at' })).toEqual([
      'haiku-2',
      'opus-x',
      'sonnet-b',
      'haiku-10',
      'sonnet-a',
      'claude-x-1',
    ])
    expect(await idsOf({ sort: '-created_at' })).toEqual([
      'haiku-10',
      'opus-x',
      'sonnet-b',
      'haiku-2',
      'sonnet-a',
      'claude-x-1',
    ])
  })

  it('compares dates by instant, not as text', async () => {
    const models = [
      model('later', 'Later', '2025-01-01T10:00:00+05:00'),
      model('earlier', 'Earlier', '2025-01-01T06:00:00Z'),
    ]
    // 10:00+05:00 is 05:00Z, so "later" by text is the earlier instant.
    expect(await idsOf({ sort: 'created_at' }, models)).toEqual(['later', 'earlier'])
  })

  it('keeps upstream order for type, where every model ties', async () => {
    expect(await idsOf({ sort: 'type' })).toEqual(ids(SMALL))
    expect(await idsOf({ sort: '-type' })).toEqual(ids(SMALL))
  })

  it('filters and sorts together', async () => {
    expect(await idsOf({ q: 'haiku', sort: '-display_name' })).toEqual(['haiku-10', 'haiku-2'])
  })

  it.each(['name', '--id', 'ID', '+id', 'created_at,id'])('refuses sort=%s with a 400 naming sort', async (sort) => {
    const { body } = await badRequest(`sort=${encodeURIComponent(sort)}`)
    expect(body.error.message).toContain('sort')
  })
})

describe('GET /api/models: other parameters', () => {
  it.each(['limit=5&limit=6', 'q=a&q=b', 'sort=id&sort=id', 'after_id=haiku-2&after_id=opus-x', 'refresh=1&refresh=1'])(
    'refuses a parameter given twice (%s) with a 400 naming it',
    async (search) => {
      const { body } = await badRequest(search)
      expect(body.error.message).toContain(search.split('=')[0]!)
    },
  )

  it('ignores parameters it does not know', async () => {
    const { listPage } = createTestApp({ upstream: { models: SMALL } })
    const plain = await listPage({ limit: '3' })
    // lifecycle[], line[] and caps[] are known (the SDK's bracket form of a list); other brackets are not.
    const withUnknown = await listPage({ limit: '3', foo: 'bar', 'q[]': 'opus', 'sort[]': 'x' })
    expect(withUnknown).toEqual(plain)
  })
})

describe('GET /api/models: response', () => {
  it('has the upstream page fields plus total, offset, fetched_at, stale and refresh_error', async () => {
    const { listPage, clock } = createTestApp({ upstream: { models: SMALL } })
    const page = await listPage({ limit: '2', after_id: 'haiku-10' })
    expect(page).toEqual({
      data: [SMALL[1], SMALL[2]],
      first_id: 'haiku-2',
      last_id: 'sonnet-a',
      has_more: true,
      total: 6,
      offset: 1,
      fetched_at: new Date(clock.now()).toISOString(),
      stale: false,
      refresh_error: null,
    })
  })

  it('counts total and offset within the filtered view', async () => {
    const { listPage } = createTestApp({ upstream: { models: SMALL } })
    const page = await listPage({ q: 'sonnet', after_id: 'sonnet-a' })
    expect(page).toMatchObject({ total: 2, offset: 1, has_more: false })
  })

  it('gives null first_id and last_id on an empty page', async () => {
    const { listPage } = createTestApp({ upstream: { models: SMALL } })
    const searches: Record<string, string>[] = [
      { q: 'nothing-matches' },
      { after_id: 'claude-x-1' },
      { before_id: 'haiku-10' },
    ]
    for (const search of searches) {
      const page = await listPage(search)
      expect(page).toMatchObject({ data: [], first_id: null, last_id: null, has_more: false })
    }
  })

  // Changed on purpose (issue 12, after issue 9 dropped them): every field is kept, within the model ceiling.
  it('passes every field through as the upstream gave them, unknown ones included, and adds nothing', async () => {
    const rich = {
      ...model('claude-rich', 'Rich', '2025-05-01T00:00:00Z'),
      max_input_tokens: 200_000,
      lifecycle: 'active' as const,
      capabilities: { thinking: { supported: true } },
      line: 'opus',
      field_of_a_later_api: { nested: 'not in API 2026-10-21' },
    }
    const { listPage, fake } = createTestApp({ upstream: { models: [rich, ...SMALL] } })
    const page = await listPage({ limit: '2' })
    expect(page.data[0]).toEqual(rich)
    expect(page.data[1]).toEqual(SMALL[0])
    expect(Object.keys(page.data[1]!).sort()).toEqual(['created_at', 'display_name', 'id', 'type'])
    expect(fake.stats.listCalls).toBe(1)
  })

  it('answers with JSON and a short public Cache-Control with stale-while-revalidate', async () => {
    const { app } = createTestApp({ upstream: { models: SMALL } })
    const response = await app.request('/api/models')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const cacheControl = response.headers.get('cache-control') ?? ''
    expect(cacheControl).toMatch(/\bpublic\b/)
    expect(cacheControl).toMatch(/\bmax-age=\d+\b/)
    expect(cacheControl).toMatch(/\bstale-while-revalidate=\d+\b/)
  })

  it('never lets caches keep a forced refresh or an error', async () => {
    const { app } = createTestApp({ upstream: { models: SMALL } })
    expect((await app.request('/api/models?refresh=1')).headers.get('cache-control')).toBe('no-store')
    expect((await app.request('/api/models?limit=0')).headers.get('cache-control')).toBe('no-store')
  })
})

describe('GET /api/models: ETag', () => {
  it('answers If-None-Match with the current ETag by 304 and no body', async () => {
    const { app } = createTestApp({ upstream: { models: SMALL } })
    const first = await app.request('/api/models?limit=2')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[^"]+"$/)
    const again = await app.request('/api/models?limit=2', { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'))
  })

  it('matches an ETag in a list or in weak form', async () => {
    const { app } = createTestApp({ upstream: { models: SMALL } })
    const etag = (await app.request('/api/models')).headers.get('etag')!
    for (const header of [`"other", ${etag}`, `W/${etag}`, '*']) {
      expect((await app.request('/api/models', { headers: { 'If-None-Match': header } })).status).toBe(304)
    }
  })

  it('gives different views different ETags, and a stale ETag a full answer', async () => {
    const { app } = createTestApp({ upstream: { models: SMALL } })
    const etag = (await app.request('/api/models?limit=2')).headers.get('etag')!
    const other = await app.request('/api/models?limit=3', { headers: { 'If-None-Match': etag } })
    expect(other.status).toBe(200)
    expect(other.headers.get('etag')).not.toBe(etag)
  })

  it('changes the ETag when a new snapshot changes the answer', async () => {
    const { app, fake } = createTestApp({ upstream: { models: SMALL }, pacing: { forcedRefreshIntervalMs: 0 } })
    const etag = (await app.request('/api/models')).headers.get('etag')!
    fake.setModels(SMALL.slice(1))
    await app.request('/api/models?refresh=1')
    const after = await app.request('/api/models', { headers: { 'If-None-Match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
  })
})
