import { afterEach, describe, expect, it, vi } from 'vitest'
import { historyModel as model, HOUR, T0 } from '../../testing/history-fixtures'
import { createCapturingLogger } from '../../testing/test-app'
import { createCatalogueHistory } from './catalogue-history'
import { type HistoryStore, HistoryUnavailableError } from './history-store'
import { openMemoryHistoryStore } from './sqlite-history-store'

/** A store in memory whose database can be "down": every use then fails as a database that cannot be reached. */
function flakyStore() {
  const store = openMemoryHistoryStore()
  let down = false
  const guard =
    <Args extends unknown[], T>(run: (...args: Args) => Promise<T>) =>
    (...args: Args) =>
      down ? Promise.reject(new HistoryUnavailableError('its database cannot be reached')) : run(...args)
  const flaky: HistoryStore = {
    ...store,
    recordWalk: guard(store.recordWalk),
    changes: guard(store.changes),
    seen: guard(store.seen),
    workspace: guard(store.workspace),
  }
  return { store: flaky, setDown: (value: boolean) => (down = value) }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the catalogue history while its store fails', () => {
  it('keeps the walks, answers reads at once with the failure, and writes every walk in order once the store is back', async () => {
    // Only the retry's timers: the store's steps still yield with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { store, setDown } = flakyStore()
    const logger = createCapturingLogger()
    const history = createCatalogueHistory(store, logger, { firstRetryMs: 1_000, maxRetryMs: 8_000 })
    history.record('default', [model('a')], T0)
    await vi.advanceTimersByTimeAsync(0)
    setDown(true)
    history.record('default', [model('a'), model('b')], T0 + HOUR)
    history.record('default', [model('a'), model('b'), model('c')], T0 + 2 * HOUR)
    await vi.advanceTimersByTimeAsync(0)
    await expect(history.read((kept) => kept.changes({ workspace: 'default', limit: 10 }))).rejects.toThrow(
      'its database cannot be reached',
    )
    expect(history.pending().walks).toBe(2)
    // Tried again after 1 s, 2 s, 4 s: still down.
    await vi.advanceTimersByTimeAsync(7_000)
    expect(history.pending().walks).toBe(2)
    expect(logger.lines.filter((line) => line.includes('could not be written'))).toHaveLength(1)

    setDown(false)
    await vi.advanceTimersByTimeAsync(8_000)
    // The write itself takes turns of the event loop (setImmediate, not faked).
    await vi.waitFor(() => expect(history.pending()).toEqual({ walks: 0, bytes: 0 }))
    const page = await history.read((kept) => kept.changes({ workspace: 'default', limit: 10 }))
    expect(page.changes.map((change) => [change.modelId, change.at])).toEqual([
      ['c', T0 + 2 * HOUR],
      ['b', T0 + HOUR],
    ])
    expect(logger.lines.some((line) => line.includes('can be written again'))).toBe(true)
  })

  it('keeps at most pendingMaxBytes of walks, dropping the oldest with an error in the log, never the latest', async () => {
    const { store, setDown } = flakyStore()
    setDown(true)
    const logger = createCapturingLogger()
    const walk = Array.from({ length: 100 }, (_, index) => model(`m${index}`))
    const history = createCatalogueHistory(store, logger, { pendingMaxBytes: 30_000, firstRetryMs: 60_000 })
    for (let hour = 0; hour < 10; hour += 1) history.record('default', walk, T0 + hour * HOUR)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const { walks, bytes } = history.pending()
    expect(bytes).toBeLessThanOrEqual(30_000)
    expect(walks).toBeGreaterThan(0)
    expect(walks).toBeLessThan(10)
    expect(logger.lines.some((line) => line.includes('dropped to stay within HISTORY_PENDING_MAX_MB'))).toBe(true)
  })
})

describe("the catalogue history's log", () => {
  it('says how many changes of each kind a walk recorded, and nothing for a walk that changed nothing', async () => {
    const logger = createCapturingLogger()
    const history = createCatalogueHistory(openMemoryHistoryStore(), logger)
    history.record('default', [model('a'), model('b')], T0)
    history.record('default', [model('a'), model('b', 'B renamed'), model('c'), model('d')], T0 + HOUR)
    history.record('default', [model('a'), model('b', 'B renamed'), model('c'), model('d')], T0 + 2 * HOUR)
    await vi.waitFor(() => expect(history.pending()).toEqual({ walks: 0, bytes: 0 }))
    await history.read((kept) => kept.workspace('default'))
    expect(logger.lines.filter((line) => line.startsWith('Catalogue history of workspace default'))).toEqual([
      'Catalogue history of workspace default starts with 2 models (the baseline). {"workspace":"default"}',
      'Catalogue history of workspace default: 2 added, 1 display name changed. {"workspace":"default"}',
    ])
  })
})
