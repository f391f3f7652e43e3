import { describe, expect, it, vi } from 'vitest'
import { changesPageSchema } from '../../contract/history'
import { healthSchema, type Model } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp } from '../../testing/test-app'
import { createCatalogueCache } from './catalogue-cache'

const FULL = syntheticCatalogue(40)
const HALF_AND_ONE_GONE = FULL.slice(21)

function trustApp(agreeingWalks = 2) {
  return createTestApp({
    upstream: { models: FULL },
    config: { agreeingWalks },
    pacing: { forcedRefreshIntervalMs: 0, retryAfterFailureMs: 1_000 },
  })
}

async function changeKinds(app: ReturnType<typeof createTestApp>['app']): Promise<string[]> {
  const page = changesPageSchema.parse(await (await app.request('/api/changes?limit=1000')).json())
  return page.data.map((change) => change.kind)
}

describe('believing a walk', () => {
  it('keeps the last good catalogue, stale and saying why, when a walk loses more than half of it', async () => {
    const { listPage, fake, app } = trustApp()
    await listPage()
    fake.setModels(HALF_AND_ONE_GONE)
    const page = await listPage({ refresh: '1' })
    expect(page).toMatchObject({ total: FULL.length, stale: true })
    expect(page.refresh_error).toBe(
      'Not believed yet: the Anthropic API listed 19 models, without 21 of the 40 it listed before. The last good catalogue stays until 2 walks in a row agree, or an operator accepts it with refresh=1&accept=1',
    )
    expect(await changeKinds(app)).toEqual([])
  })

  it('believes the new catalogue once two walks in a row agree, and only then records the removals', async () => {
    const { listPage, fake, app, clock } = trustApp()
    await listPage()
    fake.setModels(HALF_AND_ONE_GONE)
    await listPage({ refresh: '1' })
    clock.advance(1_000)
    const page = await listPage({ refresh: '1' })
    expect(page).toMatchObject({ total: HALF_AND_ONE_GONE.length, stale: false, refresh_error: null })
    expect(await changeKinds(app)).toEqual(Array(21).fill('removed'))
  })

  it('starts counting again when the doubted walks disagree', async () => {
    const { listPage, fake, clock } = trustApp()
    await listPage()
    fake.setModels(HALF_AND_ONE_GONE)
    await listPage({ refresh: '1' })
    fake.setModels(FULL.slice(25))
    clock.advance(1_000)
    expect((await listPage({ refresh: '1' })).total).toBe(FULL.length)
    clock.advance(2_000)
    expect((await listPage({ refresh: '1' })).total).toBe(FULL.length - 25)
  })

  it('forgets a doubt when the upstream comes back with the catalogue it had', async () => {
    const { listPage, fake, clock } = trustApp()
    await listPage()
    fake.setModels(HALF_AND_ONE_GONE)
    await listPage({ refresh: '1' })
    fake.setModels(FULL)
    clock.advance(1_000)
    expect(await listPage({ refresh: '1' })).toMatchObject({ total: FULL.length, stale: false, refresh_error: null })
  })

  it('lets an operator accept the doubted catalogue at once with refresh=1&accept=1, without another walk', async () => {
    const { listPage, fake, app } = trustApp(5)
    await listPage()
    fake.setModels(HALF_AND_ONE_GONE)
    await listPage({ refresh: '1' })
    const walks = fake.stats.listCalls
    const page = await listPage({ refresh: '1', accept: '1' })
    expect(page).toMatchObject({ total: HALF_AND_ONE_GONE.length, stale: false, refresh_error: null })
    expect(fake.stats.listCalls).toBe(walks)
    expect(await changeKinds(app)).toHaveLength(21)
  })

  it('with refresh=1&accept=1 and nothing doubted yet, believes the walk it forces', async () => {
    const { listPage, fake } = trustApp()
    await listPage()
    fake.setModels([])
    expect(await listPage({ refresh: '1', accept: '1' })).toMatchObject({ total: 0, stale: false })
  })

  it('lets no accept linger: one that could not walk (within the forced interval) is not applied to a later walk', async () => {
    const { listPage, fake, clock } = createTestApp({
      upstream: { models: FULL },
      pacing: { forcedRefreshIntervalMs: 5_000, retryAfterFailureMs: 1_000 },
    })
    await listPage({ refresh: '1' })
    fake.setModels([])
    await listPage({ refresh: '1', accept: '1' })
    expect(fake.stats.listCalls).toBe(1)
    clock.advance(60_000)
    await listPage()
    await vi.waitFor(() => expect(fake.stats.listCalls).toBe(2))
    await vi.waitFor(async () => expect((await listPage()).refresh_error).toMatch(/listed no models/))
    expect((await listPage()).total).toBe(FULL.length)
  })

  it('ignores accept=1 without refresh=1', async () => {
    const { listPage, fake } = trustApp()
    await listPage()
    fake.setModels(HALF_AND_ONE_GONE)
    await listPage({ refresh: '1' })
    expect(await listPage({ accept: '1' })).toMatchObject({ total: FULL.length, stale: true })
  })
})

describe('the walk deadline', () => {
  it('fails a walk that ignores its signal at the deadline, and frees the next walk', async () => {
    let calls = 0
    const cache = createCatalogueCache({
      walk: () => {
        calls += 1
        return calls === 1 ? new Promise<Model[]>(() => {}) : Promise.resolve(FULL)
      },
      ttlMs: 60_000,
      walkTimeoutMs: 30,
      retryAfterFailureMs: 0,
    })
    const started = performance.now()
    await expect(cache.get()).rejects.toThrow('the walk of the model list did not finish within 30 ms')
    expect(performance.now() - started).toBeLessThan(500)
    expect((await cache.get()).snapshot.models).toHaveLength(FULL.length)
  })

  it('aborts the signal it gave the walk, so the upstream request is closed', async () => {
    let signal: AbortSignal | undefined
    const cache = createCatalogueCache({
      walk: (given) => {
        signal = given
        return new Promise<Model[]>(() => {})
      },
      ttlMs: 60_000,
      walkTimeoutMs: 20,
    })
    await expect(cache.get()).rejects.toThrow(/did not finish within 20 ms/)
    expect(signal?.aborted).toBe(true)
  })
})

describe('the health check during a walk', () => {
  it('shows a walk in progress and for how long, and null when none is', async () => {
    const { app, fake, clock, listPage } = createTestApp()
    await listPage()
    const idle = healthSchema.parse(await (await app.request('/api/health')).json())
    expect(idle.catalogue.walking_for_seconds).toBeNull()
    fake.setLatency(50)
    const refreshing = listPage({ refresh: '1' })
    clock.advance(2_500)
    const during = healthSchema.parse(await (await app.request('/api/health')).json())
    expect(during.catalogue.walking_for_seconds).toBe(2.5)
    await refreshing
    await vi.waitFor(async () =>
      expect(
        healthSchema.parse(await (await app.request('/api/health')).json()).catalogue.walking_for_seconds,
      ).toBeNull(),
    )
  })
})
