import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '../contract/api-error'
import type { Model } from '../contract/model'
import { DEMO_MODELS } from './demo-catalogue'
import { createFakeUpstream, FAKE_API_KEY } from './fake-upstream'
import { syntheticCatalogue } from './synthetic-catalogue'

const BASE = 'http://upstream.test'
const AUTH = { 'x-api-key': FAKE_API_KEY, 'anthropic-version': '2023-06-01' }

interface ListBody {
  data: Model[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
}

function get(fake: ReturnType<typeof createFakeUpstream>, path: string, headers: Record<string, string> = AUTH) {
  return fake.handle(new Request(`${BASE}${path}`, { headers }))
}

async function list(fake: ReturnType<typeof createFakeUpstream>, query = ''): Promise<ListBody> {
  const response = await get(fake, `/v1/models${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as ListBody
}

async function errorOf(response: Response) {
  return apiErrorBodySchema.parse(await response.json())
}

const ids = (models: readonly Model[]) => models.map((model) => model.id)

describe('fake upstream: authentication and version', () => {
  it('refuses a request without a key with 401 authentication_error', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models', { 'anthropic-version': '2023-06-01' })
    expect(response.status).toBe(401)
    expect((await errorOf(response)).error.type).toBe('authentication_error')
  })

  it('refuses a wrong key with 401', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models', { 'x-api-key': 'sk-ant-wrong', 'anthropic-version': '2023-06-01' })
    expect(response.status).toBe(401)
  })

  it('accepts the key as Authorization: Bearer, as SDK 1.x sends it', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models', {
      authorization: `Bearer ${FAKE_API_KEY}`,
      'anthropic-version': '2026-10-21',
    })
    expect(response.status).toBe(200)
  })

  it('refuses a request without anthropic-version with 400 invalid_request_error', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models', { 'x-api-key': FAKE_API_KEY })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).error.type).toBe('invalid_request_error')
  })

  it('uses the key it was given instead of the demo key', async () => {
    const fake = createFakeUpstream({ apiKey: 'sk-ant-test-other' })
    expect((await get(fake, '/v1/models')).status).toBe(401)
    const response = await get(fake, '/v1/models', { 'x-api-key': 'sk-ant-test-other', 'anthropic-version': 'x' })
    expect(response.status).toBe(200)
  })

  it('gives every error the upstream shape with a request_id matching the request-id header', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models', {})
    const body = await errorOf(response)
    expect(body.type).toBe('error')
    expect(body.request_id).toMatch(/^req_[0-9A-Za-z]{24}$/)
    expect(response.headers.get('request-id')).toBe(body.request_id)
  })

  it('answers 404 not_found_error on any other path and 405 on other methods', async () => {
    const fake = createFakeUpstream()
    expect((await get(fake, '/v1/messages')).status).toBe(404)
    const post = await fake.handle(new Request(`${BASE}/v1/models`, { method: 'POST', headers: AUTH }))
    expect(post.status).toBe(405)
  })
})

describe('fake upstream: listing', () => {
  it('lists 20 models by default, newest first, in the catalogue order', async () => {
    const models = syntheticCatalogue(50)
    const fake = createFakeUpstream({ models })
    const page = await list(fake)
    expect(ids(page.data)).toEqual(ids(models.slice(0, 20)))
    expect(page).toMatchObject({ first_id: models[0]!.id, last_id: models[19]!.id, has_more: true })
  })

  it.each(['0', '1001', 'abc', '-1', '2.5', ''])('refuses limit=%s with 400', async (limit) => {
    const fake = createFakeUpstream()
    const response = await get(fake, `/v1/models?limit=${limit}`)
    expect(response.status).toBe(400)
    expect((await errorOf(response)).error.type).toBe('invalid_request_error')
  })

  it.each([1, 1000])('accepts limit=%i', async (limit) => {
    const fake = createFakeUpstream({ models: syntheticCatalogue(1200) })
    expect((await list(fake, `?limit=${limit}`)).data).toHaveLength(limit)
  })

  it('gives the page after after_id, has_more saying whether more follow', async () => {
    const models = syntheticCatalogue(10)
    const fake = createFakeUpstream({ models })
    const middle = await list(fake, `?limit=3&after_id=${models[2]!.id}`)
    expect(ids(middle.data)).toEqual(ids(models.slice(3, 6)))
    expect(middle.has_more).toBe(true)
    const last = await list(fake, `?limit=3&after_id=${models[6]!.id}`)
    expect(ids(last.data)).toEqual(ids(models.slice(7, 10)))
    expect(last.has_more).toBe(false)
  })

  it('gives the page before before_id, has_more saying whether more lie further back', async () => {
    const models = syntheticCatalogue(10)
    const fake = createFakeUpstream({ models })
    const middle = await list(fake, `?limit=3&before_id=${models[6]!.id}`)
    expect(ids(middle.data)).toEqual(ids(models.slice(3, 6)))
    expect(middle.has_more).toBe(true)
    const first = await list(fake, `?limit=3&before_id=${models[3]!.id}`)
    expect(ids(first.data)).toEqual(ids(models.slice(0, 3)))
    expect(first.has_more).toBe(false)
  })

  it('gives an empty page with null ids past either end', async () => {
    const models = syntheticCatalogue(5)
    const fake = createFakeUpstream({ models })
    for (const query of [`?after_id=${models[4]!.id}`, `?before_id=${models[0]!.id}`]) {
      expect(await list(fake, query)).toEqual({ data: [], first_id: null, last_id: null, has_more: false })
    }
  })

  it('refuses both cursors at once, and an unknown cursor, with 400', async () => {
    const models = syntheticCatalogue(5)
    const fake = createFakeUpstream({ models })
    expect((await get(fake, `/v1/models?after_id=${models[1]!.id}&before_id=${models[3]!.id}`)).status).toBe(400)
    expect((await get(fake, '/v1/models?after_id=no-such-model')).status).toBe(400)
  })

  it('hides retired models unless lifecycle[] asks for them', async () => {
    const fake = createFakeUpstream()
    const retired = DEMO_MODELS.filter((model) => model.lifecycle === 'retired')
    expect(retired.length).toBeGreaterThan(0)
    const byDefault = await list(fake, '?limit=1000')
    expect(byDefault.data).toHaveLength(DEMO_MODELS.length - retired.length)
    expect(byDefault.data.some((model) => model.lifecycle === 'retired')).toBe(false)

    const onlyRetired = await list(fake, '?limit=1000&lifecycle[]=retired')
    expect(ids(onlyRetired.data)).toEqual(ids(retired))
    const everything = await list(fake, '?limit=1000&lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired')
    expect(ids(everything.data)).toEqual(ids(DEMO_MODELS))
  })

  it('refuses an unknown lifecycle value with 400', async () => {
    const fake = createFakeUpstream()
    expect((await get(fake, '/v1/models?lifecycle[]=sunset')).status).toBe(400)
  })

  it('refuses an empty lifecycle value, or more than three, with 400 invalid_request_error', async () => {
    const fake = createFakeUpstream()
    const empty = await get(fake, '/v1/models?lifecycle[]=')
    expect(empty.status).toBe(400)
    expect(await errorOf(empty)).toMatchObject({ error: { type: 'invalid_request_error' } })
    const four = await get(
      fake,
      '/v1/models?lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired&lifecycle[]=active',
    )
    expect(four.status).toBe(400)
    expect((await errorOf(four)).error.message).toMatch(/at most 3/)
    expect((await get(fake, '/v1/models?lifecycle[]=active&lifecycle[]=deprecated&lifecycle[]=retired')).status).toBe(
      200,
    )
  })

  it('serves only the seed fields in the seed shape, and the newer fields in the current shape', async () => {
    const fake = createFakeUpstream({ shape: 'seed' })
    const seed = await list(fake, '?limit=1')
    expect(Object.keys(seed.data[0]!).sort()).toEqual(['created_at', 'display_name', 'id', 'type'])
    fake.setShape('current')
    const current = await list(fake, '?limit=1')
    expect(current.data[0]).toHaveProperty('lifecycle', 'active')
  })

  it('counts list and retrieve calls and records every request', async () => {
    const fake = createFakeUpstream()
    await get(fake, '/v1/models?limit=2')
    await get(fake, '/v1/models/claude-opus-4-6')
    expect(fake.stats).toMatchObject({ listCalls: 1, retrieveCalls: 1 })
    expect(fake.stats.requests).toEqual(['GET /v1/models?limit=2', 'GET /v1/models/claude-opus-4-6'])
  })
})

describe('fake upstream: retrieve', () => {
  it('returns one model by id', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models/claude-opus-4-6')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6' })
  })

  it('resolves an alias to its dated model', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models/claude-sonnet-4-5')
    expect(await response.json()).toMatchObject({ id: 'claude-sonnet-4-5-20250929' })
  })

  it('answers an unknown id with 404 not_found_error naming the model', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models/claude-nope')
    expect(response.status).toBe(404)
    const body = await errorOf(response)
    expect(body.error).toEqual({ type: 'not_found_error', message: 'model: claude-nope' })
  })

  it('answers an id with a broken percent escape with 404 rather than failing the request', async () => {
    const fake = createFakeUpstream()
    const response = await get(fake, '/v1/models/claude-%E0%A4%A')
    expect(response.status).toBe(404)
    expect((await errorOf(response)).error.type).toBe('not_found_error')
  })
})

describe('fake upstream: faults', () => {
  it.each([
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [529, 'overloaded_error'],
  ])('answers status %i with error type %s', async (status, type) => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'status', status })
    const response = await get(fake, '/v1/models')
    expect(response.status).toBe(status)
    expect((await errorOf(response)).error.type).toBe(type)
  })

  it('sends retry-after when the fault has one', async () => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'status', status: 429, retryAfterSeconds: 7 })
    expect((await get(fake, '/v1/models')).headers.get('retry-after')).toBe('7')
  })

  it('misbehaves only the given number of times, then answers normally', async () => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'status', status: 500 }, 2)
    const statuses = []
    for (let index = 0; index < 3; index += 1) statuses.push((await get(fake, '/v1/models')).status)
    expect(statuses).toEqual([500, 500, 200])
  })

  it('sends a truncated JSON body for a malformed fault', async () => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'malformed' })
    const response = await get(fake, '/v1/models')
    expect(response.status).toBe(200)
    await expect(response.json()).rejects.toThrow()
  })

  it('resets the connection: handle gives a network error and fetch rejects', async () => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'reset' })
    expect((await get(fake, '/v1/models')).type).toBe('error')
    await expect(fake.fetch(`${BASE}/v1/models`, { headers: AUTH })).rejects.toThrow(TypeError)
  })

  it('hangs until the request is aborted', async () => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'hang' })
    const controller = new AbortController()
    const pending = fake.handle(
      new Request(`${BASE}/v1/models`, { headers: AUTH, signal: controller.signal }),
      controller.signal,
    )
    let settled = false
    void pending.catch(() => {}).finally(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settled).toBe(false)
    controller.abort()
    await expect(pending).rejects.toBeDefined()
  })

  it('hangs through fetch until the caller aborts, even when a garbage collection comes first', async () => {
    // A busy machine collects garbage while a request hangs (and Node's Request follows its caller's signal
    // only through a WeakRef): force a collection here.
    setFlagsFromString('--expose-gc')
    const collectGarbage = runInNewContext('gc') as () => void
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'hang' })
    const controller = new AbortController()
    const pending = fake.fetch(`${BASE}/v1/models`, { headers: AUTH, signal: controller.signal })
    // Once the fetch is under way (its Request no longer held by the call), collect.
    await new Promise((resolve) => setImmediate(resolve))
    collectGarbage()
    controller.abort()
    await expect(pending).rejects.toBeDefined()
  })

  it('delays answers by the latency it was given', async () => {
    const fake = createFakeUpstream()
    fake.setLatency(40)
    const started = performance.now()
    expect((await get(fake, '/v1/models')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
  })

  it('rejects at once, without the latency, a request that was aborted before it arrived', async () => {
    const fake = createFakeUpstream()
    fake.setLatency(5_000)
    const controller = new AbortController()
    controller.abort()
    const started = performance.now()
    await expect(
      fake.handle(new Request(`${BASE}/v1/models`, { headers: AUTH, signal: controller.signal })),
    ).rejects.toBeDefined()
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('forgets faults, latency, models and counts on reset', async () => {
    const fake = createFakeUpstream()
    fake.setFault({ kind: 'status', status: 500 })
    fake.setModels([])
    await get(fake, '/v1/models')
    fake.reset()
    expect(fake.stats).toEqual({ requests: [], listCalls: 0, retrieveCalls: 0 })
    expect((await list(fake, '?limit=1000')).data.length).toBeGreaterThan(0)
  })
})

describe('synthetic catalogue', () => {
  it('has the size asked for, unique ids, and some unknown release dates', () => {
    const models = syntheticCatalogue(500)
    expect(models).toHaveLength(500)
    expect(new Set(ids(models)).size).toBe(500)
    expect(models.some((model) => model.created_at === '1970-01-01T00:00:00Z')).toBe(true)
  })
})
