import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { afterThisTest, allSeen, historyModel as model, HOUR, T0, tempDir } from '../../testing/history-fixtures'
import { HistoryUnavailableError } from './history-store'
import { PART_SIZE } from './history-worker-protocol'
import { HISTORY_FILE, openSqliteHistoryStore } from './sqlite-history-store'
import { openSqliteHistoryOnWorker } from './sqlite-history-thread'

// bench/items/history-write.ts measures the event loop's delay during the same kind of write at 100k models.
const COUNT = 3 * PART_SIZE + 17
const first = Array.from({ length: COUNT }, (_, index) => model(`old-${index}`))
const second = Array.from({ length: COUNT }, (_, index) => model(`new-${index}`))

async function onWorker(dir = tempDir('history-thread-')) {
  const opened = await openSqliteHistoryOnWorker(dir)
  if (!opened.ok) throw new Error(opened.message)
  afterThisTest(() => opened.store.close())
  return opened.store
}

describe('the SQLite history on its worker thread', { timeout: 60_000 }, () => {
  it('records long walks exactly as the store on this thread does, the answers crossing in parts', async () => {
    const worker = await onWorker()
    const opened = await openSqliteHistoryStore(tempDir('history-thread-'))
    if (!opened.ok) throw new Error(opened.message)
    const here = opened.store
    afterThisTest(() => here.close())
    for (const [walk, at] of [
      [first, T0],
      [second, T0 + HOUR],
      [second, T0 + 2 * HOUR],
    ] as const) {
      expect(await worker.recordWalk('default', walk, at)).toEqual(await here.recordWalk('default', walk, at))
    }
    expect(await allSeen(worker)).toEqual(await allSeen(here))
    expect((await allSeen(worker)).length).toBe(2 * COUNT)
    const page = { workspace: 'default', limit: 5, kinds: ['removed' as const] }
    expect((await worker.changes(page)).changes.map((change) => change.modelId)).toEqual(
      (await here.changes(page)).changes.map((change) => change.modelId),
    )
  })

  it('leaves this thread running while it writes, and answers a read asked during a write after the whole walk', async () => {
    const store = await onWorker()
    await store.recordWalk('default', first, T0)
    let ticks = 0
    const ticker = setInterval(() => (ticks += 1), 1)
    afterThisTest(() => clearInterval(ticker))
    const writing = store.recordWalk('default', second, T0 + HOUR)
    const read = store.changes({ workspace: 'default', limit: 1, kinds: ['added'] })
    expect((await writing).counts).toEqual({ added: COUNT })
    expect((await read).changes.map((change) => change.modelId)).toEqual([second[0]!.id])
    expect(ticks).toBeGreaterThan(0)
  })

  it('rolls back a write in progress when closed, refuses what is asked afterwards, and reopens as it was', async () => {
    const dir = tempDir('history-thread-')
    const store = await onWorker(dir)
    await store.recordWalk('default', first, T0)
    const writing = store.recordWalk('default', second, T0 + HOUR)
    store.close()
    await expect(writing).rejects.toBeInstanceOf(HistoryUnavailableError)
    await expect(store.changes({ workspace: 'default', limit: 1 })).rejects.toThrow(/stopping/)
    expect(await store.status()).toEqual({ engine: 'sqlite', reachable: false })

    const reopened = await onWorker(dir)
    expect(await reopened.changes({ workspace: 'default', limit: 1 })).toEqual({ changes: [], hasMore: false })
    expect((await reopened.workspace('default')).lastWalkAt).toBe(T0)
    expect((await reopened.recordWalk('default', second, T0 + HOUR)).counts).toEqual({ added: COUNT })
  })

  it('passes on the reason, in the same words, when the worker cannot open the database', async () => {
    const dir = tempDir('history-thread-')
    writeFileSync(join(dir, HISTORY_FILE), Buffer.alloc(4096, 7))
    const opened = await openSqliteHistoryOnWorker(dir)
    expect(opened).toEqual(await openSqliteHistoryStore(dir))
    expect(opened).toMatchObject({ ok: false, reason: 'its database file is damaged' })
  })
})
