import { diffWalkSteps, walkFingerprintSteps } from './diff-walk'
import { runInSteps, StepCounter, type Steps } from './history-steps'
import {
  DEFAULT_HISTORY_RETENTION,
  type HistoryStore,
  type HistoryStoreOptions,
  type ModelRecord,
  type RecordedWalk,
  type StoredChange,
  type WalkRecordOptions,
  type WorkspaceHistory,
} from './history-store'
import type { Model } from '../../contract/model'

interface WorkspaceState {
  history: WorkspaceHistory
  models: Map<string, ModelRecord>
  fingerprint: string | null
  /** Some model is missing from the latest walk only: the next walk decides, even if it is the same walk again. */
  pendingRemovals: boolean
  /** Oldest first; ids grow. */
  changes: StoredChange[]
}

/**
 * The history in memory, gone when the process ends: for tests, demo mode and
 * a server given no store. It records exactly what the SQLite store records,
 * and keeps as much.
 */
export function createMemoryHistoryStore({
  retention = DEFAULT_HISTORY_RETENTION,
  pause,
}: HistoryStoreOptions = {}): HistoryStore {
  const workspaces = new Map<string, WorkspaceState>()
  let lastId = 0
  // Walks are written one at a time, and reads wait for the write in progress.
  let writing: Promise<unknown> = Promise.resolve()

  function stateOf(workspace: string): WorkspaceState {
    let state = workspaces.get(workspace)
    if (!state) {
      state = {
        history: { workspace, feedId: crypto.randomUUID(), firstWalkAt: null, lastWalkAt: null },
        models: new Map(),
        fingerprint: null,
        pendingRemovals: false,
        changes: [],
      }
      workspaces.set(workspace, state)
    }
    return state
  }

  function* recordWalk(
    workspace: string,
    models: readonly Model[],
    at: number,
    options: WalkRecordOptions = {},
  ): Steps<RecordedWalk> {
    const work = new StepCounter()
    const state = stateOf(workspace)
    const previousWalkAt = state.history.lastWalkAt
    state.history.firstWalkAt ??= at
    state.history.lastWalkAt = at
    const fingerprint = yield* walkFingerprintSteps(models, work)
    if (previousWalkAt !== null && fingerprint === state.fingerprint && !state.pendingRemovals) {
      return { baseline: false, changes: [] }
    }
    state.fingerprint = fingerprint
    const diff = yield* diffWalkSteps(state.models, previousWalkAt, models, at, work, options)
    state.pendingRemovals = false
    for (const record of diff.records) {
      if (work.tick()) yield work.take()
      state.models.set(record.modelId, record)
      if (record.missingSince !== null) state.pendingRemovals = true
    }
    for (const change of diff.changes) {
      if (work.tick()) yield work.take()
      lastId += 1
      state.changes.push({ ...change, id: lastId, entryId: crypto.randomUUID(), workspace, at })
    }
    yield* prune(state, at, work)
    return { baseline: diff.baseline, changes: diff.changes }
  }

  function* prune(state: WorkspaceState, at: number, work: StepCounter): Steps<void> {
    const cutoff = at - retention.maxAgeMs
    const overflow = Math.max(0, state.changes.length - retention.maxChanges)
    if (overflow > 0 || (state.changes[0] && state.changes[0].at < cutoff)) {
      const kept: StoredChange[] = []
      for (let index = 0; index < state.changes.length; index += 1) {
        if (work.tick()) yield work.take()
        const change = state.changes[index]!
        if (index >= overflow && change.at >= cutoff) kept.push(change)
      }
      state.changes = kept
    }
    for (const [modelId, record] of state.models) {
      if (work.tick()) yield work.take()
      if (record.removedAt !== null && record.removedAt < cutoff) state.models.delete(modelId)
    }
  }

  const afterWrites = async <T>(read: () => T): Promise<T> => {
    await writing
    return read()
  }

  return {
    recordWalk(workspace, models, at, options) {
      const recorded = writing.then(() => runInSteps(recordWalk(workspace, models, at, options), pause))
      writing = recorded.catch(() => {})
      return recorded
    },

    changes: ({ workspace, since = -Infinity, limit, afterId = Infinity, kinds }) =>
      afterWrites(() => {
        const list = stateOf(workspace).changes
        const page: StoredChange[] = []
        for (let index = firstIndexAtOrAbove(list, afterId) - 1; index >= 0; index -= 1) {
          const change = list[index]!
          if (change.at < since || (kinds && !kinds.includes(change.kind))) continue
          if (page.length === limit) return { changes: page, hasMore: true }
          page.push(change)
        }
        return { changes: page, hasMore: false }
      }),

    seen: (workspace, since = -Infinity) =>
      afterWrites(() =>
        [...stateOf(workspace).models.values()]
          .filter(
            (record) =>
              (!record.baseline && record.firstSeen >= since) ||
              (record.removedAt !== null && record.removedAt >= since),
          )
          .sort(
            (a, b) =>
              (b.removedAt ?? b.firstSeen) - (a.removedAt ?? a.firstSeen) ||
              (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0),
          ),
      ),

    workspace: (workspace) => afterWrites(() => ({ ...stateOf(workspace).history })),

    close() {},
  }
}

/** The index of the first change whose id is at least `id` (the list's length if none): ids grow along the list. */
function firstIndexAtOrAbove(list: readonly StoredChange[], id: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]!.id < id) low = middle + 1
    else high = middle
  }
  return low
}
