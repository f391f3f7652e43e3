import { describe, expect, it } from 'vitest'
import { createFakeUpstream, FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { ODD_IDS } from '../../fake-upstream/hostile-answers'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp, TEST_CONFIG } from '../../testing/test-app'
import { createUpstream, type UpstreamLimits } from './upstream'
import { UpstreamFormatError, UpstreamTooLargeError } from './upstream-errors'

// The SDK writes arrays with brackets: lifecycle[]=active&…
const ALL_STAGES = 'lifecycle%5B%5D=active&lifecycle%5B%5D=deprecated&lifecycle%5B%5D=retired'

function upstreamOver(
  fetch: typeof globalThis.fetch,
  betas: string[] = [],
  limits: Partial<UpstreamLimits> = {},
  warn?: (message: string) => void,
) {
  return createUpstream({
    apiKey: FAKE_API_KEY,
    baseURL: 'http://upstream.test',
    betas,
    warn,
    limits: { ...TEST_CONFIG.limits, attemptTimeoutMs: 200, maxRetries: 0, ...limits },
    now: Date.now,
    fetch,
  })
}

describe('the catalogue walk', () => {
  it.each([
    [1000, 1],
    [1001, 2],
    [2500, 3],
  ])('reads a catalogue of %i models in %i list calls of limit=1000', async (count, calls) => {
    const models = syntheticCatalogue(count)
    const { listPage, fake } = createTestApp({ upstream: { models } })
    const page = await listPage({ limit: '1000', sort: 'id' })
    expect(page.total).toBe(count)
    expect(fake.stats.listCalls).toBe(calls)
    expect(fake.stats.requests).toHaveLength(calls)
    for (const request of fake.stats.requests)
      expect(request).toMatch(new RegExp(`^GET /v1/models\\?limit=1000&${ALL_STAGES}(&after_id=[^&]+)?$`))
  })

  it('keeps the upstream order across pages, following last_id', async () => {
    const models = syntheticCatalogue(2100)
    const fake = createFakeUpstream({ models })
    expect(await upstreamOver(fake.fetch).walk()).toEqual(models)
    expect(fake.stats.requests.slice(1)).toEqual([
      `GET /v1/models?limit=1000&${ALL_STAGES}&after_id=${models[999]!.id}`,
      `GET /v1/models?limit=1000&${ALL_STAGES}&after_id=${models[1999]!.id}`,
    ])
  })

  it.each(ODD_IDS)('pages on past a page that ends at the odd id %j (the cursor is the upstream’s own)', async (id) => {
    const models = syntheticCatalogue(1500)
    const odd = { ...models[999]!, id }
    const catalogue = [...models.slice(0, 999), odd, ...models.slice(1000)]
    const fake = createFakeUpstream({ models: catalogue })
    expect(await upstreamOver(fake.fetch).walk()).toEqual(catalogue)
    expect(fake.stats.listCalls).toBe(2)
  })

  it('reads an empty catalogue as no models', async () => {
    const fake = createFakeUpstream({ models: [] })
    expect(await upstreamOver(fake.fetch).walk()).toEqual([])
  })

  it('refuses a list that says has_more but repeats its last_id', async () => {
    const stuck = async () => Response.json({ data: [], has_more: true, first_id: null, last_id: null })
    await expect(upstreamOver(stuck).walk()).rejects.toBeInstanceOf(UpstreamFormatError)
  })

  it('sends the configured betas as one anthropic-beta header', async () => {
    const fake = createFakeUpstream()
    const seen: (string | null)[] = []
    const recording: typeof globalThis.fetch = async (input, init) => {
      seen.push(new Request(input, init).headers.get('anthropic-beta'))
      return fake.fetch(input, init)
    }
    await upstreamOver(recording, ['beta-one', 'beta-two']).walk()
    await upstreamOver(recording).walk()
    expect(seen).toEqual(['beta-one,beta-two', null])
  })
})

describe('the walk within its ceilings', () => {
  it('stops at the page ceiling', async () => {
    const fake = createFakeUpstream({ models: syntheticCatalogue(3500) })
    await expect(upstreamOver(fake.fetch, [], { walkMaxPages: 3 }).walk()).rejects.toThrow(
      'the model list did not end after 3 pages',
    )
    expect(fake.stats.listCalls).toBe(3)
  })

  it('stops at the ceiling of decoded bytes for the whole walk, however small each page', async () => {
    const fake = createFakeUpstream({ models: syntheticCatalogue(2500) })
    const walk = upstreamOver(fake.fetch, [], { maxWalkBytes: 400 * 1024 }).walk()
    await expect(walk).rejects.toBeInstanceOf(UpstreamTooLargeError)
  })

  it('refuses a model larger than the model ceiling', async () => {
    const [first, ...rest] = syntheticCatalogue(5)
    const large = { ...first!, display_name: 'x'.repeat(5_000) }
    const fake = createFakeUpstream({ models: [large, ...rest] })
    await expect(upstreamOver(fake.fetch, [], { maxModelBytes: 4_096 }).walk()).rejects.toThrow(
      /was larger than 4096 bytes/,
    )
  })

  // Changed on purpose (issue 12): no field the upstream sends is lost on the way to the screen or the export.
  it('keeps every field the upstream sends, those newer than the dashboard included', async () => {
    const [first] = syntheticCatalogue(1)
    const extra = {
      ...first!,
      capabilities: {
        thinking: { supported: true, types: { later: { supported: true } } },
        audio: { supported: false },
      },
      speed_tier: 'priority',
      pricing: { input_per_mtok: 3 },
    }
    const fake = createFakeUpstream({ models: [extra] })
    const [model] = await upstreamOver(fake.fetch).walk()
    expect(model).toEqual(extra)
  })

  it('counts the fields it does not know against the model ceiling', async () => {
    const [first, ...rest] = syntheticCatalogue(5)
    const fake = createFakeUpstream({ models: [{ ...first!, later_field: 'x'.repeat(5_000) }, ...rest] })
    await expect(upstreamOver(fake.fetch, [], { maxModelBytes: 4_096 }).walk()).rejects.toThrow(
      /was larger than 4096 bytes/,
    )
  })

  it('collapses duplicate ids, the first one winning, and says so once', async () => {
    const fake = createFakeUpstream({ models: syntheticCatalogue(10) })
    fake.setFault({ kind: 'duplicates' })
    const lines: string[] = []
    const models = await upstreamOver(fake.fetch, [], {}, (line) => lines.push(line)).walk()
    expect(models).toEqual(syntheticCatalogue(10))
    expect(lines).toEqual(['The model list repeated 3 model id(s); the first of each was kept'])
  })
})

describe('retrieving one model', () => {
  it('reads a model by id or alias', async () => {
    const upstream = upstreamOver(createFakeUpstream().fetch)
    expect(await upstream.retrieve('claude-opus-4-5')).toMatchObject({ id: 'claude-opus-4-5-20251101' })
  })

  it('refuses a model without the documented fields', async () => {
    const partial = async () => Response.json({ id: 'claude-x', type: 'model' })
    await expect(upstreamOver(partial).retrieve('claude-x')).rejects.toBeInstanceOf(UpstreamFormatError)
  })
})
