import { describe, expect, it } from 'vitest'
import { DEFAULT_CHANGES_LIMIT, type SeenAnswer, seenAnswerSchema } from '../../contract/history'
import type { Model } from '../../contract/model'
import { type createTestApp, readError, walkedTestApp } from '../../testing/test-app'
import { SEEN_PAGE_MAX_BYTES } from '../history/seen-page'

function model(id: string, displayName = id.toUpperCase()): Model {
  return { id, type: 'model', display_name: displayName, created_at: '2026-01-01T00:00:00Z', lifecycle: 'active' }
}

/** The BFF after a baseline of one model and a walk, a day later, that adds `added`. */
const appWithAdded = (added: Model[]) => walkedTestApp([[model('base')], [model('base'), ...added]])

async function seen(app: ReturnType<typeof createTestApp>['app'], query = ''): Promise<SeenAnswer> {
  const response = await app.request(`/api/seen${query}`)
  const body: unknown = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(200)
  return seenAnswerSchema.parse(body)
}

const ids = (answer: SeenAnswer) => answer.data.map((record) => record.model_id)
const numbered = (count: number) =>
  Array.from({ length: count }, (_, index) => model(`m${String(index).padStart(3, '0')}`))

describe('GET /api/seen in pages', () => {
  it(`gives ${DEFAULT_CHANGES_LIMIT} models by id without limit, and says where the page starts and ends and that more follow`, async () => {
    const { app } = await appWithAdded(numbered(60))
    const first = await seen(app)
    expect(first.data).toHaveLength(DEFAULT_CHANGES_LIMIT)
    expect([first.first_id, first.last_id, first.has_more]).toEqual(['m000', 'm049', true])
    const rest = await seen(app, `?after_id=${first.last_id}`)
    expect([ids(rest).length, rest.first_id, rest.last_id, rest.has_more]).toEqual([10, 'm050', 'm059', false])
  })

  it('follows limit, after_id and before_id as /api/models does: has_more says whether more lie that way', async () => {
    const { app } = await appWithAdded(numbered(7))
    const second = await seen(app, '?limit=3&after_id=m002')
    expect([ids(second), second.has_more]).toEqual([['m003', 'm004', 'm005'], true])
    const back = await seen(app, `?limit=2&before_id=${second.first_id}`)
    expect([ids(back), back.has_more]).toEqual([['m001', 'm002'], true])
    const start = await seen(app, '?limit=5&before_id=m003')
    expect([ids(start), start.has_more]).toEqual([['m000', 'm001', 'm002'], false])
    const beyond = await seen(app, '?after_id=m006')
    expect([beyond.data, beyond.first_id, beyond.last_id, beyond.has_more]).toEqual([[], null, null, false])
  })

  it('gives one model with model_id, in the same page shape', async () => {
    const { app } = await appWithAdded(numbered(3))
    expect(ids(await seen(app, '?model_id=m001'))).toEqual(['m001'])
    // The baseline's model is neither new nor gone: the history has nothing to tell apart.
    expect(await seen(app, '?model_id=base')).toMatchObject({ data: [], has_more: false })
  })

  it('keeps pages by bytes: huge names end a page early, with has_more, and every model comes once', async () => {
    // 30,000 two-byte characters: 60 KB a name, within the default UPSTREAM_MAX_MODEL_BYTES of 64 K characters.
    const huge = numbered(20).map((m) => ({ ...m, display_name: `${m.id} ${'é'.repeat(30_000)}` }))
    const { app } = await appWithAdded(huge)
    const paged: string[] = []
    let after = ''
    for (let page = 0; page < 20; page += 1) {
      const response = await app.request(`/api/seen?limit=1000${after ? `&after_id=${after}` : ''}`)
      const text = await response.text()
      // The records' JSON within the budget; the page's envelope adds well under 1 KB here.
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(SEEN_PAGE_MAX_BYTES + 1_024)
      const answer = seenAnswerSchema.parse(JSON.parse(text))
      expect(answer.data.length).toBeLessThan(20)
      paged.push(...ids(answer))
      if (!answer.has_more) break
      after = answer.last_id!
    }
    expect(paged).toEqual(huge.map((m) => m.id))
  })

  it.each([
    ['limit=0', 'limit must be a whole number from 1 to 1000'],
    ['limit=1001', 'limit must be a whole number from 1 to 1000'],
    ['limit=ten', 'limit must be a whole number from 1 to 1000'],
    ['limit=5&limit=6', 'limit was given more than once'],
    ['after_id=a&after_id=b', 'after_id was given more than once'],
    ['after_id=m001&before_id=m003', 'Give after_id or before_id, not both'],
    ['before_id=%01', 'before_id must be a model id'],
    [`model_id=${'x'.repeat(513)}`, 'model_id must be a model id'],
    ['since=tomorrow', 'since must be a date'],
  ])('refuses %s with a 400 naming it', async (query, message) => {
    const { app } = await appWithAdded(numbered(2))
    const response = await app.request(`/api/seen?${query}`)
    expect(response.status).toBe(400)
    const error = await readError(response)
    expect(error.error.type).toBe('invalid_request_error')
    expect(error.error.message).toContain(message)
  })

  it('carries an ETag per page: the same page unchanged answers 304, another page has its own', async () => {
    const { app } = await appWithAdded(numbered(4))
    const first = await app.request('/api/seen?limit=2')
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect(first.headers.get('cache-control')).toBe('no-cache')
    expect((await app.request('/api/seen?limit=2', { headers: { 'If-None-Match': etag } })).status).toBe(304)
    const next = await app.request('/api/seen?limit=2&after_id=m001')
    expect(next.headers.get('etag')).not.toBe(etag)
  })
})
