import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Model } from '../../src/contract/model'
import { openSqliteHistoryStore } from '../../src/server/history/sqlite-history-store'
import { type BenchItem, goals, measure } from '../lib/bench-item'

const CATALOGUE = 100_000
const BLOCK_GOAL_MS = 20

const catalogue = (prefix: string): Model[] =>
  Array.from({ length: CATALOGUE }, (_, index) => ({
    id: `${prefix}-${index}`,
    type: 'model',
    display_name: `${prefix} ${index}`,
    created_at: '2026-01-01T00:00:00Z',
  }))

/** The longest the event loop is held while the store records one walk, and how long the walk takes. */
async function measureWrite(record: () => Promise<unknown>): Promise<{ longestBlockMs: number; totalMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const startedAt = performance.now()
  await record()
  const totalMs = performance.now() - startedAt
  delay.disable()
  return { longestBlockMs: delay.max / 1e6, totalMs }
}

export const historyWrite: BenchItem = {
  id: '9',
  title: 'History write of a 100k-model change',
  floor: 'the whole write as one synchronous transaction, which is how long it would hold the event loop unsplit',
  async run({ log }) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-history-'))
    try {
      const opened = await openSqliteHistoryStore(dir)
      if (!opened.ok) throw new Error(opened.message)
      const store = opened.store
      const [before, after] = [catalogue('old'), catalogue('new')]
      await store.recordWalk('default', before, Date.UTC(2026, 0, 1))
      // 100k added (and 100k marked missing), then the second walk without them records 100k removals.
      const added = await measureWrite(() => store.recordWalk('default', after, Date.UTC(2026, 0, 2)))
      const removed = await measureWrite(() => store.recordWalk('default', after, Date.UTC(2026, 0, 3)))
      store.close()
      log(`100k added: ${added.totalMs.toFixed(0)} ms, longest block ${added.longestBlockMs.toFixed(1)} ms`)
      log(`100k removed: ${removed.totalMs.toFixed(0)} ms, longest block ${removed.longestBlockMs.toFixed(1)} ms`)
      return [
        measure({
          name: 'longest event-loop block, 100k models added',
          unit: 'ms',
          project: added.longestBlockMs,
          floor: added.totalMs,
          goal: goals.atMost(BLOCK_GOAL_MS, 'ms'),
        }),
        measure({
          name: 'longest event-loop block, 100k models removed',
          unit: 'ms',
          project: removed.longestBlockMs,
          floor: removed.totalMs,
          goal: goals.atMost(BLOCK_GOAL_MS, 'ms'),
        }),
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
