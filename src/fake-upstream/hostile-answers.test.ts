import { describe, expect, it } from 'vitest'
import type { Model } from '../contract/model'
import { createFakeUpstream, FAKE_API_KEY } from './fake-upstream'
import { faultSchema } from './faults'
import { gzipBombBody, LONE_SURROGATE, ODD_IDS } from './hostile-answers'
import { syntheticCatalogue } from './synthetic-catalogue'

const AUTH = { 'x-api-key': FAKE_API_KEY, 'anthropic-version': '2023-06-01' }
const MODELS = syntheticCatalogue(5)

function fakeWith(fault: unknown) {
  const fake = createFakeUpstream({ models: MODELS })
  fake.setFault(faultSchema.parse(fault))
  const get = (path: string) => fake.fetch(`http://upstream.test${path}`, { headers: AUTH })
  const page = async (path: string) =>
    (await (await get(path)).json()) as { data: Model[]; last_id: string | null; has_more: boolean }
  return { fake, get, page }
}

describe('fake upstream: hostile answers', () => {
  it('drip: sends headers at once, then one byte per interval', async () => {
    const { get } = fakeWith({ kind: 'drip', intervalMs: 20 })
    const response = await get('/v1/models')
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const started = performance.now()
    const reads = [await reader.read(), await reader.read(), await reader.read()]
    for (const read of reads) expect(read.value).toHaveLength(1)
    // The stream reads one byte ahead; the two after it wait an interval each.
    expect(performance.now() - started).toBeGreaterThanOrEqual(30)
    await reader.cancel()
  })

  it('redirect: a 302 to the location given, with no body', async () => {
    const { get } = fakeWith({ kind: 'redirect', location: 'http://elsewhere.invalid/v1/models' })
    const response = await get('/v1/models')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('http://elsewhere.invalid/v1/models')
  })

  it('huge: a valid page of the size asked for', async () => {
    const { get } = fakeWith({ kind: 'huge', bytes: 3 * 1024 * 1024 })
    const text = await (await get('/v1/models')).text()
    expect(text.length).toBeGreaterThanOrEqual(3 * 1024 * 1024 - 1)
    expect(text.length).toBeLessThan(3 * 1024 * 1024 + 1024)
    expect((JSON.parse(text) as { data: Model[] }).data[0]!.id).toBe(MODELS[0]!.id)
  })

  it('gzip bomb: about a thousandfold, decoded by the fake fetch as Node fetch would', async () => {
    const compressed = await new Response(gzipBombBody(8 * 1024 * 1024)).arrayBuffer()
    expect(compressed.byteLength).toBeLessThan(8 * 1024 * 11)
    const { get } = fakeWith({ kind: 'gzip-bomb', bytes: 8 * 1024 * 1024 })
    const response = await get('/v1/models')
    expect(response.headers.get('content-encoding')).toBeNull()
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThanOrEqual(8 * 1024 * 1024)
  })

  it('cursor loop: has_more with the same last_id every time', async () => {
    const { page } = fakeWith({ kind: 'cursor-loop' })
    const first = await page('/v1/models?limit=2')
    const second = await page(`/v1/models?limit=2&after_id=${first.last_id}`)
    expect(second).toMatchObject({ has_more: true, last_id: first.last_id })
  })

  it('cursor cycle: last_id A, then B, then A', async () => {
    const { page } = fakeWith({ kind: 'cursor-cycle' })
    const a = await page('/v1/models?limit=2')
    const b = await page(`/v1/models?limit=2&after_id=${a.last_id}`)
    const again = await page(`/v1/models?limit=2&after_id=${b.last_id}`)
    expect([a.last_id, b.last_id, again.last_id]).toEqual([MODELS[0]!.id, MODELS[1]!.id, MODELS[0]!.id])
    expect(again.has_more).toBe(true)
  })

  it('empty: a valid, final, empty page', async () => {
    const { page } = fakeWith({ kind: 'empty' })
    expect(await page('/v1/models')).toMatchObject({ data: [], has_more: false, last_id: null })
  })

  it('duplicates: the first three models twice, the copy renamed', async () => {
    const { page } = fakeWith({ kind: 'duplicates' })
    const ids = (await page('/v1/models?limit=100')).data.map((model) => model.id)
    expect(ids).toHaveLength(MODELS.length + 3)
    expect(new Set(ids).size).toBe(MODELS.length)
  })

  it('odd ids: listed first, and the list pages after each of them', async () => {
    const { page } = fakeWith({ kind: 'odd-ids' })
    const all = await page('/v1/models?limit=100')
    expect(all.data.slice(0, ODD_IDS.length).map((model) => model.id)).toEqual(ODD_IDS)
    const after = await page(`/v1/models?limit=1&after_id=${encodeURIComponent(ODD_IDS[1]!)}`)
    expect(after.data[0]!.id).toBe(ODD_IDS[2])
  })

  it('lone surrogate: the first three names end in half a UTF-16 pair, which survives the JSON', async () => {
    const { page } = fakeWith({ kind: 'lone-surrogate' })
    const names = (await page('/v1/models?limit=100')).data.map((model) => model.display_name)
    expect(names.slice(0, 3).every((name) => name.endsWith(LONE_SURROGATE))).toBe(true)
    expect(names.slice(3).some((name) => name.includes(LONE_SURROGATE))).toBe(false)
  })

  it('many models: a synthetic catalogue of that many, paged by the usual cursors', async () => {
    const { page } = fakeWith({ kind: 'many-models', count: 2500 })
    const every = 'limit=1000&lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired'
    const first = await page(`/v1/models?${every}`)
    expect(first).toMatchObject({ has_more: true })
    const last = await page(`/v1/models?${every}&after_id=${first.last_id!}`)
    const rest = await page(`/v1/models?${every}&after_id=${last.last_id!}`)
    expect(first.data.length + last.data.length + rest.data.length).toBe(2500)
    expect(rest.has_more).toBe(false)
  })

  it('list faults leave a lookup alone', async () => {
    const { get, fake } = fakeWith({ kind: 'empty' })
    expect((await get(`/v1/models/${MODELS[0]!.id}`)).status).toBe(200)
    expect(fake.stats.retrieveCalls).toBe(1)
  })

  it('status with retryAfterMs: sends retry-after-ms', async () => {
    const { get } = fakeWith({ kind: 'status', status: 529, retryAfterMs: 2_000_000_000 })
    const response = await get('/v1/models')
    expect(response.status).toBe(529)
    expect(response.headers.get('retry-after-ms')).toBe('2000000000')
  })
})
