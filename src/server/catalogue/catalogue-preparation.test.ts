import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { yieldToEventLoop } from '../work-in-steps'
import { createCatalogueCache } from './catalogue-cache'
import { prepareCatalogueIndex } from './catalogue-index'

const TTL_MS = 60_000
const OLD = syntheticCatalogue(50)
// Large enough that its index takes many steps of a few ms.
const LARGE = syntheticCatalogue(30_000)

/** A cache over walks that give `catalogues` in turn, at a clock the test moves; its first walk done. */
async function walkedOnce(catalogues: Model[][], options: { walkTimeoutMs?: number; stopping?: AbortSignal } = {}) {
  const clock = { now: 0 }
  let walk = 0
  const cache = createCatalogueCache({
    walk: async () => catalogues[Math.min(walk++, catalogues.length - 1)]!,
    ttlMs: TTL_MS,
    now: () => clock.now,
    ...options,
  })
  const first = await cache.get()
  return { cache, clock, first }
}

/** Turns of the event loop until the walk in progress (and its preparation) has ended, each checked by `during`. */
async function turnsUntilInstalled(cache: ReturnType<typeof createCatalogueCache>, during: () => Promise<void>) {
  let turns = 0
  while (cache.peek().walkingForMs !== null) {
    await during()
    await yieldToEventLoop()
    turns += 1
  }
  return turns
}

describe('the preparation of a new catalogue', () => {
  it('runs in many turns of the event loop while the old snapshot answers, as stale as it was', async () => {
    const { cache, clock, first } = await walkedOnce([OLD, LARGE])
    clock.now += TTL_MS
    const due = await cache.get()
    expect(due.snapshot).toBe(first.snapshot)
    expect(due.stale).toBe(true)
    const turns = await turnsUntilInstalled(cache, async () => {
      const meanwhile = await cache.get()
      expect(meanwhile.snapshot).toBe(first.snapshot)
      expect(meanwhile.stale).toBe(true)
      expect(meanwhile.refreshError).toBeNull()
      expect((await meanwhile.snapshot.view(undefined, 'id')).models).toHaveLength(OLD.length)
    })
    expect(turns).toBeGreaterThan(3)
    const after = await cache.get()
    expect(after.snapshot.models).toBe(LARGE)
    expect(after.stale).toBe(false)
    expect(after.snapshot.model(LARGE[12_345]!.id)).toBe(LARGE[12_345])
  })

  it('counts in the walk deadline: one that runs over keeps the old snapshot, with the deadline as its error', async () => {
    const { cache, clock, first } = await walkedOnce([OLD, LARGE], { walkTimeoutMs: 40 })
    clock.now += TTL_MS
    await cache.get()
    await turnsUntilInstalled(cache, async () => {})
    const after = await cache.get()
    expect(after.snapshot).toBe(first.snapshot)
    expect(after.stale).toBe(true)
    expect(String(after.refreshError)).toMatch(/did not finish within 40 ms/)
  })

  it('ends when the server stops, and installs nothing', async () => {
    const stopping = new AbortController()
    const { cache, clock, first } = await walkedOnce([OLD, LARGE], { stopping: stopping.signal })
    clock.now += TTL_MS
    await cache.get()
    await yieldToEventLoop()
    expect(cache.peek().walkingForMs).not.toBeNull()
    stopping.abort(new Error('the server is stopping'))
    await turnsUntilInstalled(cache, async () => {})
    expect(cache.peek().snapshot).toBe(first.snapshot)
  })
})

describe('an unchanged catalogue', () => {
  it('takes the index over from the snapshot before it; a change in an indexed field prepares a new one', async () => {
    // Each walk gives new objects, as the upstream's answers do.
    const renamed = syntheticCatalogue(500)
    renamed[7] = { ...renamed[7]!, display_name: 'Claude Renamed 7' }
    const { cache, clock, first } = await walkedOnce([syntheticCatalogue(500), syntheticCatalogue(500), renamed])
    clock.now += TTL_MS
    await cache.get()
    await turnsUntilInstalled(cache, async () => {})
    const same = await cache.get()
    expect(same.snapshot).not.toBe(first.snapshot)
    expect(same.snapshot.index).toBe(first.snapshot.index)
    clock.now += TTL_MS
    await cache.get()
    await turnsUntilInstalled(cache, async () => {})
    const changed = await cache.get()
    expect(changed.snapshot.index).not.toBe(first.snapshot.index)
    expect((await changed.snapshot.view('renamed', 'display_name')).models).toEqual([renamed[7]])
  })
})

describe('prepareCatalogueIndex', () => {
  it('ends with the reason of its signal, at the next step, when aborted', async () => {
    const controller = new AbortController()
    const reason = new Error('a newer catalogue came')
    const preparing = prepareCatalogueIndex(LARGE, controller.signal)
    await yieldToEventLoop()
    controller.abort(reason)
    await expect(preparing).rejects.toBe(reason)
  })

  it('indexes every model: each id found at its position, each stage kept', async () => {
    const index = await prepareCatalogueIndex(LARGE, new AbortController().signal)
    expect(LARGE.every((model, position) => index.byId.get(model.id) === position)).toBe(true)
    expect(index.stages.filter((code) => code === 1)).toHaveLength(
      LARGE.filter((model) => model.lifecycle === 'deprecated').length,
    )
  })
})
