import { diffWalk, walkFingerprint } from './diff-walk'
import type { HistoryStore, ModelRecord, StoredChange, WorkspaceHistory } from './history-store'

interface WorkspaceState {
  history: WorkspaceHistory
  models: Map<string, ModelRecord>
  fingerprint: string | null
}

/**
 * The history in memory, gone when the process ends: for tests, demo mode and
 * a server given no store. It records exactly what the SQLite store records.
 */
export function createMemoryHistoryStore(): HistoryStore {
  const workspaces = new Map<string, WorkspaceState>()
  // Every workspace's changes in one list, oldest first, as ids grow.
  const changes: StoredChange[] = []

  function stateOf(workspace: string): WorkspaceState {
    let state = workspaces.get(workspace)
    if (!state) {
      state = {
        history: { workspace, feedId: crypto.randomUUID(), firstWalkAt: null, lastWalkAt: null },
        models: new Map(),
        fingerprint: null,
      }
      workspaces.set(workspace, state)
    }
    return state
  }

  return {
    async recordWalk(workspace, models, at) {
      const state = stateOf(workspace)
      const previousWalkAt = state.history.lastWalkAt
      state.history.firstWalkAt ??= at
      state.history.lastWalkAt = at
      const fingerprint = walkFingerprint(models)
      if (previousWalkAt !== null && fingerprint === state.fingerprint) return { baseline: false, changes: [] }
      state.fingerprint = fingerprint
      const diff = diffWalk(state.models, previousWalkAt, models, at)
      for (const record of diff.records) state.models.set(record.modelId, record)
      for (const change of diff.changes) {
        changes.push({ ...change, id: changes.length + 1, entryId: crypto.randomUUID(), workspace, at })
      }
      return { baseline: diff.baseline, changes: diff.changes }
    },

    async changes({ workspace, since = -Infinity, limit, afterId = Infinity, kinds }) {
      const page: StoredChange[] = []
      for (let index = Math.min(changes.length, afterId - 1) - 1; index >= 0; index -= 1) {
        const change = changes[index]!
        if (change.workspace !== workspace || change.at < since || (kinds && !kinds.includes(change.kind))) continue
        if (page.length === limit) return { changes: page, hasMore: true }
        page.push(change)
      }
      return { changes: page, hasMore: false }
    },

    async seen(workspace, since = -Infinity) {
      return [...stateOf(workspace).models.values()]
        .filter(
          (record) =>
            (!record.baseline && record.firstSeen >= since) || (record.removedAt !== null && record.removedAt >= since),
        )
        .sort(
          (a, b) =>
            (b.removedAt ?? b.firstSeen) - (a.removedAt ?? a.firstSeen) ||
            (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0),
        )
    },

    async workspace(workspace) {
      return { ...stateOf(workspace).history }
    },

    close() {},
  }
}
