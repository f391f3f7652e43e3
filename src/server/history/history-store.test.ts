import { describe, expect, it } from 'vitest'
import { afterThisTest, allSeen, historyModel as model, HOUR, T0, tempDir } from '../../testing/history-fixtures'
import { STEP_UNITS, yieldToEventLoop } from '../work-in-steps'
import type { HistoryStore, HistoryStoreOptions, SeenQuery } from './history-store'
import { seenRecordBytes } from './seen-page'
import { openPostgresHistoryStore } from './postgres-history-store'
import { openMemoryHistoryStore, openSqliteHistoryStore } from './sqlite-history-store'
import { openSqliteHistoryOnWorker } from './sqlite-history-thread'
import { freshPostgresDatabase } from '../../testing/postgres-database'
import { createCapturingLogger } from '../../testing/test-app'

const DAY = 24 * HOUR

async function sqliteStore(options: HistoryStoreOptions = {}): Promise<HistoryStore> {
  const opened = await openSqliteHistoryStore(tempDir('history-store-'), options)
  if (!opened.ok) throw new Error(opened.message)
  afterThisTest(() => opened.store.close())
  return opened.store
}

/** The same store on its worker thread, as the server runs it; its steps happen there, unseen by `pause`. */
async function workerStore({ retention }: HistoryStoreOptions = {}): Promise<HistoryStore> {
  const opened = await openSqliteHistoryOnWorker(tempDir('history-store-'), retention ? { retention } : {})
  if (!opened.ok) throw new Error(opened.message)
  afterThisTest(() => opened.store.close())
  return opened.store
}

async function memoryStore(options: HistoryStoreOptions = {}): Promise<HistoryStore> {
  const store = openMemoryHistoryStore(options)
  afterThisTest(() => store.close())
  return store
}

/** The store on a new database of the tests' PostgreSQL cluster (src/testing/postgres-global-setup.ts). */
export async function postgresStore(options: HistoryStoreOptions = {}): Promise<HistoryStore> {
  const url = await freshPostgresDatabase()
  const settings = { url, poolMax: 4, connectTimeoutMs: 5_000, statementTimeoutMs: 30_000 }
  const store = openPostgresHistoryStore(settings, createCapturingLogger(), options)
  afterThisTest(() => store.close())
  return store
}

/** A store with a baseline of `a` and `b`, then ten hourly walks each adding one model (m1…m10). */
async function storeWithTenAdditions(store: HistoryStore) {
  await store.recordWalk('default', [model('a'), model('b')], T0)
  const models = [model('a'), model('b')]
  for (let hour = 1; hour <= 10; hour += 1) {
    models.unshift(model(`m${hour}`))
    await store.recordWalk('default', models, T0 + hour * HOUR)
  }
  return store
}

// Up to 30 s a test: the PostgreSQL variant waits on a real server, on a machine that may be busy.
describe.each([
  ['in SQLite in memory', memoryStore],
  ['in SQLite', sqliteStore],
  ['in SQLite on a worker thread', workerStore],
  ['in PostgreSQL', postgresStore],
])('the history store %s', { timeout: 30_000 }, (_name, createStore) => {
  it('pages through changes newest first with a cursor, and says when older ones remain', async () => {
    const store = await storeWithTenAdditions(await createStore())
    const first = await store.changes({ workspace: 'default', limit: 4 })
    expect(first.changes.map((change) => change.modelId)).toEqual(['m10', 'm9', 'm8', 'm7'])
    expect(first.hasMore).toBe(true)
    const seen: string[] = first.changes.map((change) => change.modelId)
    let page = first
    while (page.hasMore) {
      page = await store.changes({ workspace: 'default', limit: 4, afterId: page.changes.at(-1)!.id })
      seen.push(...page.changes.map((change) => change.modelId))
    }
    expect(seen).toEqual(['m10', 'm9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1'])
    expect(page.changes).toHaveLength(2)
  })

  it('gives only changes at or after since', async () => {
    const store = await storeWithTenAdditions(await createStore())
    const page = await store.changes({ workspace: 'default', limit: 50, since: T0 + 8 * HOUR })
    expect(page.changes.map((change) => change.modelId)).toEqual(['m10', 'm9', 'm8'])
    expect(page.hasMore).toBe(false)
  })

  it('gives only changes of the kinds asked for, paging within them', async () => {
    const store = await storeWithTenAdditions(await createStore())
    // Hour 11: m1 and m2 leave (the removals are recorded when a second walk lacks them too); hour 12: m3 is renamed.
    const left = [
      model('m10'),
      model('m9'),
      model('m8'),
      model('m7'),
      model('m6'),
      model('m5'),
      model('m4'),
      model('m3'),
    ]
    await store.recordWalk('default', [...left, model('a'), model('b')], T0 + 11 * HOUR)
    await store.recordWalk('default', [...left, model('a'), model('b')], T0 + 11 * HOUR + HOUR / 2)
    const renamed = left.map((each) => (each.id === 'm3' ? { ...each, display_name: 'Renamed m3' } : each))
    await store.recordWalk('default', [...renamed, model('a'), model('b')], T0 + 12 * HOUR)

    const removed = await store.changes({ workspace: 'default', limit: 50, kinds: ['removed'] })
    expect(removed.changes.map((change) => [change.kind, change.modelId]).sort()).toEqual([
      ['removed', 'm1'],
      ['removed', 'm2'],
    ])
    const mixed = await store.changes({ workspace: 'default', limit: 2, kinds: ['removed', 'display_name_changed'] })
    expect(mixed.changes.map((change) => change.kind)).toEqual(['display_name_changed', 'removed'])
    expect(mixed.hasMore).toBe(true)
    const rest = await store.changes({
      workspace: 'default',
      limit: 2,
      kinds: ['removed', 'display_name_changed'],
      afterId: mixed.changes.at(-1)!.id,
    })
    expect(rest.changes.map((change) => change.kind)).toEqual(['removed'])
    expect(rest.hasMore).toBe(false)
    expect((await store.changes({ workspace: 'default', limit: 50, kinds: ['added'] })).changes).toHaveLength(10)
  })

  it('keeps each change with its time, workspace and a UUID entry id', async () => {
    const store = await storeWithTenAdditions(await createStore())
    const [latest] = (await store.changes({ workspace: 'default', limit: 1 })).changes
    expect(latest).toMatchObject({ workspace: 'default', modelId: 'm10', kind: 'added', at: T0 + 10 * HOUR })
    expect(latest!.entryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('keeps workspaces apart: each has its own baseline, changes, records and feed id', async () => {
    const store = await createStore()
    await store.recordWalk('default', [model('a')], T0)
    await store.recordWalk('other', [model('x')], T0)
    await store.recordWalk('default', [model('a'), model('b')], T0 + HOUR)
    await store.recordWalk('other', [model('x')], T0 + HOUR)
    expect((await store.changes({ workspace: 'other', limit: 50 })).changes).toEqual([])
    expect((await store.changes({ workspace: 'default', limit: 50 })).changes.map((c) => c.modelId)).toEqual(['b'])
    expect(await allSeen(store, 'other')).toEqual([])
    const [defaultHistory, otherHistory] = await Promise.all([store.workspace('default'), store.workspace('other')])
    expect(defaultHistory).toMatchObject({ workspace: 'default', firstWalkAt: T0, lastWalkAt: T0 + HOUR })
    expect(defaultHistory.feedId).not.toBe(otherHistory.feedId)
    expect((await store.workspace('default')).feedId).toBe(defaultHistory.feedId)
  })

  it('lists as seen the models that came after the baseline or left, by id, and with since only recent ones', async () => {
    const store = await createStore()
    await store.recordWalk('default', [model('a'), model('b'), model('c')], T0)
    await store.recordWalk('default', [model('a'), model('b'), model('new')], T0 + HOUR)
    // c, missing from two walks in a row, is removed at the second; a at the third.
    await store.recordWalk('default', [model('b'), model('new')], T0 + 2 * HOUR)
    await store.recordWalk('default', [model('b'), model('new')], T0 + 3 * HOUR)
    expect(await allSeen(store)).toEqual([
      expect.objectContaining({ modelId: 'a', baseline: true, lastSeen: T0 + HOUR, removedAt: T0 + 3 * HOUR }),
      expect.objectContaining({ modelId: 'c', baseline: true, lastSeen: T0, removedAt: T0 + 2 * HOUR }),
      expect.objectContaining({ modelId: 'new', baseline: false, firstSeen: T0 + HOUR, removedAt: null }),
    ])
    expect((await allSeen(store, 'default', T0 + 3 * HOUR)).map((record) => record.modelId)).toEqual(['a'])
  })

  /** A baseline of `base`, then a walk a minute adding each of n01…n07 (in the walk's order, not the ids'). */
  async function storeWithSevenSeen(store: HistoryStore) {
    const models = [model('base')]
    await store.recordWalk('default', models, T0)
    for (const [minute, id] of ['n04', 'n01', 'n07', 'n02', 'n06', 'n03', 'n05'].entries()) {
      models.push(model(id))
      await store.recordWalk('default', models, T0 + (minute + 1) * 60_000)
    }
    return { store, models }
  }

  const query = (asked: Partial<SeenQuery> = {}): SeenQuery => ({
    workspace: 'default',
    limit: 50,
    maxBytes: 64 * 1024 * 1024,
    ...asked,
  })
  const ids = (page: { records: { modelId: string }[] }) => page.records.map((record) => record.modelId)

  it('pages the seen models by id: limit, after_id forwards, before_id backwards, has_more in the direction asked', async () => {
    const { store } = await storeWithSevenSeen(await createStore())
    const first = await store.seen(query({ limit: 3 }))
    expect([ids(first), first.hasMore]).toEqual([['n01', 'n02', 'n03'], true])
    const second = await store.seen(query({ limit: 3, afterId: 'n03' }))
    expect([ids(second), second.hasMore]).toEqual([['n04', 'n05', 'n06'], true])
    const last = await store.seen(query({ limit: 3, afterId: 'n06' }))
    expect([ids(last), last.hasMore]).toEqual([['n07'], false])
    const back = await store.seen(query({ limit: 2, beforeId: 'n07' }))
    expect([ids(back), back.hasMore]).toEqual([['n05', 'n06'], true])
    const start = await store.seen(query({ limit: 3, beforeId: 'n04' }))
    expect([ids(start), start.hasMore]).toEqual([['n01', 'n02', 'n03'], false])
    // A cursor need not be a model of the list: it is a place in the order of ids.
    expect(ids(await store.seen(query({ afterId: 'n05x' })))).toEqual(['n06', 'n07'])
    expect(await store.seen(query({ afterId: 'n07' }))).toEqual({ records: [], hasMore: false })
  })

  it("gives one model's record with modelId, and none for a model that is neither new nor gone", async () => {
    const { store } = await storeWithSevenSeen(await createStore())
    expect(ids(await store.seen(query({ modelId: 'n05' })))).toEqual(['n05'])
    expect(await store.seen(query({ modelId: 'base' }))).toEqual({ records: [], hasMore: false })
    expect(await store.seen(query({ modelId: 'nothing' }))).toEqual({ records: [], hasMore: false })
  })

  it('never skips or repeats a model while walks are recorded between pages', async () => {
    const { store, models } = await storeWithSevenSeen(await createStore())
    const before = ids(await store.seen(query()))
    const first = await store.seen(query({ limit: 3 }))
    // Between the pages: a model before the cursor and one after it arrive, one already paged and one not yet
    // are removed (two walks lack them), and the baseline's model leaves too.
    const next = [...models.filter((m) => !['base', 'n02', 'n05'].includes(m.id)), model('a00'), model('z99')]
    await store.recordWalk('default', next, T0 + HOUR)
    await store.recordWalk('default', next, T0 + 2 * HOUR)
    const pages = [first]
    while (pages.at(-1)!.hasMore) {
      pages.push(await store.seen(query({ limit: 3, afterId: pages.at(-1)!.records.at(-1)!.modelId })))
    }
    const paged = pages.flatMap(ids)
    expect(new Set(paged).size).toBe(paged.length)
    expect(paged).toEqual(expect.arrayContaining(before))
    // What came after the cursor is in the rest of the pages, what came before it is not; n05 is now removed.
    expect(paged).toEqual(['n01', 'n02', 'n03', 'n04', 'n05', 'n06', 'n07', 'z99'])
    expect(pages.flatMap((page) => page.records).find((record) => record.modelId === 'n05')?.removedAt).toBe(
      T0 + 2 * HOUR,
    )
  })

  it('ends a page before the record that would take it past maxBytes, its first record always in, and says there is more', async () => {
    const store = await createStore()
    // Names of 20,000 two-byte characters: 40 KB a record in UTF-8, ten of them.
    const huge = (id: string) => model(id, `${id} ${'é'.repeat(20_000)}`)
    const ten = Array.from({ length: 10 }, (_, index) => huge(`h${index}`))
    await store.recordWalk('default', [model('base')], T0)
    await store.recordWalk('default', [model('base'), ...ten], T0 + HOUR)
    const maxBytes = 100_000
    const first = await store.seen(query({ maxBytes }))
    expect([ids(first), first.hasMore]).toEqual([['h0', 'h1'], true])
    expect(first.records.reduce((sum, record) => sum + seenRecordBytes(record), 0)).toBeLessThanOrEqual(maxBytes)
    const pages = [first]
    while (pages.at(-1)!.hasMore) {
      pages.push(await store.seen(query({ maxBytes, afterId: pages.at(-1)!.records.at(-1)!.modelId })))
    }
    expect(pages.map(ids)).toEqual([
      ['h0', 'h1'],
      ['h2', 'h3'],
      ['h4', 'h5'],
      ['h6', 'h7'],
      ['h8', 'h9'],
    ])
    // A record larger than the whole budget still makes a page of its own, so paging goes on.
    const tiny = await store.seen(query({ maxBytes: 1_000, afterId: 'h4' }))
    expect([ids(tiny), tiny.hasMore]).toEqual([['h5'], true])
    const backwards = await store.seen(query({ maxBytes, beforeId: 'h4' }))
    expect([ids(backwards), backwards.hasMore]).toEqual([['h2', 'h3'], true])
  })

  it('describes a workspace it has never walked as without history', async () => {
    const history = await (await createStore()).workspace('default')
    expect(history).toMatchObject({ workspace: 'default', firstWalkAt: null, lastWalkAt: null })
  })

  it('records a removal only when a second walk in a row lacks the model, even the same walk again', async () => {
    const store = await createStore()
    await store.recordWalk('default', [model('a'), model('b')], T0)
    expect(await store.recordWalk('default', [model('a')], T0 + HOUR)).toEqual({ baseline: false, counts: {} })
    expect(await store.recordWalk('default', [model('a')], T0 + 2 * HOUR)).toEqual({
      baseline: false,
      counts: { removed: 1 },
    })
    expect((await store.changes({ workspace: 'default', limit: 50 })).changes).toEqual([
      expect.objectContaining({ modelId: 'b', kind: 'removed', displayName: 'B', at: T0 + 2 * HOUR }),
    ])
    expect(await allSeen(store)).toEqual([
      expect.objectContaining({ modelId: 'b', lastSeen: T0, removedAt: T0 + 2 * HOUR }),
    ])
  })

  it('records nothing for a walk older than the last one written (two replicas catching up after an outage)', async () => {
    const store = await createStore()
    const before = [model('a'), model('b')]
    const after = [model('c'), model('a'), model('b', 'B renamed')]
    await store.recordWalk('default', before, T0)
    // One replica's backlog is written first: its walks at 1 h and 3 h; then the other's, at 2 h and 4 h.
    await store.recordWalk('default', before, T0 + HOUR)
    await store.recordWalk('default', after, T0 + 3 * HOUR)
    expect((await store.recordWalk('default', before, T0 + 2 * HOUR)).counts).toEqual({})
    expect((await store.recordWalk('default', after, T0 + 4 * HOUR)).counts).toEqual({})
    const changes = (await store.changes({ workspace: 'default', limit: 50 })).changes
    expect(changes.map((change) => [change.kind, change.modelId, change.at])).toEqual([
      ['added', 'c', T0 + 3 * HOUR],
      ['display_name_changed', 'b', T0 + 3 * HOUR],
    ])
    expect((await store.workspace('default')).lastWalkAt).toBe(T0 + 4 * HOUR)
  })

  it('records nothing for a model missing from one walk and back in the next (a flapping upstream)', async () => {
    const store = await createStore()
    await store.recordWalk('default', [model('a'), model('b')], T0)
    for (let hour = 1; hour <= 20; hour += 1) {
      await store.recordWalk('default', hour % 2 ? [model('a')] : [model('a'), model('b')], T0 + hour * HOUR)
    }
    expect((await store.changes({ workspace: 'default', limit: 50 })).changes).toEqual([])
    expect(await allSeen(store)).toEqual([])
  })

  it('records no rename for a name with a lone surrogate, walk after walk', async () => {
    const store = await createStore()
    const broken = model('a', 'Broken \uDC00 name')
    await store.recordWalk('default', [broken], T0)
    await store.recordWalk('default', [broken, model('b')], T0 + HOUR)
    await store.recordWalk('default', [model('b'), broken], T0 + 2 * HOUR)
    const page = await store.changes({ workspace: 'default', limit: 50 })
    expect(page.changes.map((change) => [change.kind, change.modelId])).toEqual([['added', 'b']])
  })

  it('drops changes and removed models older than the retention, counted from the latest walk', async () => {
    const store = await createStore({ retention: { maxAgeMs: 10 * DAY, maxChanges: 1_000 } })
    await store.recordWalk('default', [model('a'), model('b')], T0)
    await store.recordWalk('default', [model('a'), model('c')], T0 + DAY)
    await store.recordWalk('default', [model('a'), model('c')], T0 + 2 * DAY)
    expect((await store.changes({ workspace: 'default', limit: 50 })).changes.map((c) => c.kind)).toEqual([
      'removed',
      'added',
    ])
    await store.recordWalk('default', [model('a'), model('c'), model('d')], T0 + 11 * DAY + HOUR)
    const kept = await store.changes({ workspace: 'default', limit: 50 })
    expect(kept.changes.map((change) => [change.kind, change.modelId])).toEqual([
      ['added', 'd'],
      ['removed', 'b'],
    ])
    await store.recordWalk('default', [model('a'), model('c'), model('d'), model('e')], T0 + 12 * DAY + HOUR)
    const later = await store.changes({ workspace: 'default', limit: 50 })
    expect(later.changes.map((change) => change.modelId)).toEqual(['e', 'd'])
    // b, removed more than the retention ago, is forgotten: back again, it is new.
    expect((await allSeen(store)).map((record) => record.modelId)).toEqual(['c', 'd', 'e'])
  })

  it('keeps at most maxChanges per workspace, the newest, however the upstream flaps', async () => {
    const store = await createStore({ retention: { maxAgeMs: 1_000 * DAY, maxChanges: 25 } })
    await store.recordWalk('default', [model('a')], T0)
    await store.recordWalk('other', [model('x')], T0)
    // Each model comes and goes for good, two walks at a time: 40 additions and 40 removals.
    for (let round = 1; round <= 40; round += 1) {
      const at = T0 + round * 3 * HOUR
      await store.recordWalk('default', [model('a'), model(`f${round}`)], at)
      await store.recordWalk('default', [model('a')], at + HOUR)
      await store.recordWalk('default', [model('a')], at + 2 * HOUR)
    }
    await store.recordWalk('other', [model('x'), model('y')], T0 + 200 * HOUR)
    const page = await store.changes({ workspace: 'default', limit: 100 })
    expect(page.changes).toHaveLength(25)
    expect(page.changes[0]).toMatchObject({ kind: 'removed', modelId: 'f40' })
    expect((await store.changes({ workspace: 'other', limit: 100 })).changes).toHaveLength(1)
  })

  // On a worker thread the steps are the worker's; sqlite-history-thread.test.ts shows that thread's loop stays free.
  it.skipIf(createStore === workerStore)(
    'writes a walk that changes 30k models in steps of at most STEP_UNITS units, the event loop running between them',
    async () => {
      const steps: number[] = []
      let ticks = 0
      const ticker = setInterval(() => (ticks += 1), 0)
      afterThisTest(() => clearInterval(ticker))
      const store = await createStore({
        pause: async (units) => {
          steps.push(units)
          await yieldToEventLoop()
        },
      })
      // bench/items/history-write.ts times the same write at 100k models.
      const count = 30_000
      const first = Array.from({ length: count }, (_, index) => model(`old-${index}`))
      const second = Array.from({ length: count }, (_, index) => model(`new-${index}`))
      await store.recordWalk('default', first, T0)
      steps.length = 0
      ticks = 0
      const walk = await store.recordWalk('default', second, T0 + HOUR)
      expect(walk.counts).toEqual({ added: count })
      expect(Math.max(...steps)).toBeLessThanOrEqual(STEP_UNITS)
      // Every model is compared and written at least once, so a write of n changes takes at least 2n / STEP_UNITS steps.
      expect(steps.length).toBeGreaterThanOrEqual((2 * count) / STEP_UNITS)
      expect(ticks).toBeGreaterThan(10)
      // A read asked for during a write waits for it and sees the whole walk, never half of it.
      const removing = store.recordWalk('default', second, T0 + 2 * HOUR)
      const read = store.changes({ workspace: 'default', limit: 1, kinds: ['removed'] })
      await removing
      expect((await read).changes).toHaveLength(1)
    },
    60_000,
  )
})
