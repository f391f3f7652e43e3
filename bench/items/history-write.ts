import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Model } from '../../src/contract/model'
import type { HistoryStore } from '../../src/server/history/history-store'
import { openSqliteHistoryStore, type OpenResult } from '../../src/server/history/sqlite-history-store'
import { openSqliteHistoryOnWorker } from '../../src/server/history/sqlite-history-thread'
import { type BenchItem, goals, type Measure, measure } from '../lib/bench-item'
import { idleFor, idleSiblingDuring, type LoopDelay, loopDelayDuring } from '../lib/loop-delay'

const CATALOGUE = 100_000
const BLOCK_GOAL_MS = 20

const catalogue = (prefix: string): Model[] =>
  Array.from({ length: CATALOGUE }, (_, index) => ({
    id: `${prefix}-${index}`,
    type: 'model',
    display_name: `${prefix} ${index}`,
    created_at: '2026-01-01T00:00:00Z',
  }))

async function opened(pending: Promise<OpenResult>): Promise<HistoryStore> {
  const result = await pending
  if (!result.ok) throw new Error(result.message)
  return result.store
}

/** A write's delay here, and an idle process's delay meanwhile: what the machine's scheduling did to any loop. */
async function writeBesideIdleSibling(write: () => Promise<unknown>) {
  let here: LoopDelay | undefined
  const sibling = await idleSiblingDuring(async () => {
    here = await loopDelayDuring(write)
  })
  return { ...here!, sibling }
}

/**
 * 100k models added (and the 100k before them marked missing), then the same
 * walk again, which records their 100k removals; before each write, the loop
 * idles as long as the write will take, which is the floor: what this machine
 * and this process's heap do to an event loop that runs nothing. During each
 * write, an idle process beside it measures the same.
 */
async function writes(store: HistoryStore, idleMs: (phase: 'added' | 'removed') => number) {
  const [before, after] = [catalogue('old'), catalogue('new')]
  await store.recordWalk('default', before, Date.UTC(2026, 0, 1))
  const idleAdded = await idleFor(idleMs('added'))
  const added = await writeBesideIdleSibling(() => store.recordWalk('default', after, Date.UTC(2026, 0, 2)))
  const idleRemoved = await idleFor(idleMs('removed'))
  const removed = await writeBesideIdleSibling(() => store.recordWalk('default', after, Date.UTC(2026, 0, 3)))
  store.close()
  return { added, idleAdded, removed, idleRemoved }
}

export const historyWrite: BenchItem = {
  id: '9',
  title: 'History write of a 100k-model change',
  floor:
    "the event loop's delay while it idles as long as the write takes, in the same process just before it: what the machine alone does",
  async run({ log }) {
    const dirs = [mkdtempSync(join(tmpdir(), 'bench-history-')), mkdtempSync(join(tmpdir(), 'bench-history-'))]
    try {
      // The server's store, on its worker thread; then, for comparison, the same store on the event loop's thread.
      const onWorker = await writes(await opened(openSqliteHistoryOnWorker(dirs[0]!)), () => 3_000)
      const onThread = await writes(await opened(openSqliteHistoryStore(dirs[1]!)), () => 3_000)
      const rows: Measure[] = []
      for (const phase of ['added', 'removed'] as const) {
        const write = onWorker[phase]
        const idle = onWorker[phase === 'added' ? 'idleAdded' : 'idleRemoved']
        const before = onThread[phase]
        log(
          `100k ${phase}: ${write.totalMs.toFixed(0)} ms on the worker, loop delay p99 ${write.p99Ms.toFixed(1)} / max ${write.maxMs.toFixed(1)} ms (idle ${idle.p99Ms.toFixed(1)} / ${idle.maxMs.toFixed(1)}; an idle process meanwhile ${write.sibling.p99Ms.toFixed(1)} / ${write.sibling.maxMs.toFixed(1)}); on the server's thread ${before.totalMs.toFixed(0)} ms, p99 ${before.p99Ms.toFixed(1)} / max ${before.maxMs.toFixed(1)} ms`,
        )
        rows.push(
          measure({
            name: `event-loop delay while 100k models ${phase} are written: max`,
            unit: 'ms',
            project: write.maxMs,
            floor: idle.maxMs,
            goal: goals.atMost(BLOCK_GOAL_MS, 'ms'),
            notes: `an idle process beside the write: max ${write.sibling.maxMs.toFixed(1)} ms`,
          }),
          measure({
            name: `the same: p99`,
            unit: 'ms',
            project: write.p99Ms,
            floor: idle.p99Ms,
            goal: goals.atMost(BLOCK_GOAL_MS, 'ms'),
          }),
          measure({
            name: `the same write with the store on the event loop's thread (before the worker): max`,
            unit: 'ms',
            project: before.maxMs,
            floor: idle.maxMs,
            notes: `p99 ${before.p99Ms.toFixed(1)} ms; the write took ${before.totalMs.toFixed(0)} ms there, ${write.totalMs.toFixed(0)} ms on the worker`,
          }),
        )
      }
      return rows
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  },
}
