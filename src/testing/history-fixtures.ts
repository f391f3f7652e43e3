import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Model } from '../contract/model'
import type { HistoryStore, ModelRecord } from '../server/history/history-store'

export const HOUR = 3_600_000
/** The moment the history tests' clocks start. */
export const T0 = Date.UTC(2026, 9, 1)

/** A seed-shaped model; its display name defaults to the id in capitals, so renames are easy to spot. */
export function historyModel(id: string, displayName = id.toUpperCase()): Model {
  return { id, type: 'model', display_name: displayName, created_at: '2026-01-01T00:00:00Z' }
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

/** Runs after the current test, in the order registered. */
export function afterThisTest(cleanup: () => void): void {
  cleanups.push(cleanup)
}

/** A new directory, removed after the test (made writable again first, for tests that lock it). */
export function tempDir(prefix = 'history-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterThisTest(() => {
    chmodSync(dir, 0o755)
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

/** Every seen model of a workspace, page after page as a client follows them (1,000 a page, no byte limit to speak of). */
export async function allSeen(store: HistoryStore, workspace = 'default', since?: number): Promise<ModelRecord[]> {
  const records: ModelRecord[] = []
  let afterId: string | undefined
  for (;;) {
    const page = await store.seen({ workspace, since, limit: 1_000, afterId, maxBytes: 64 * 1024 * 1024 })
    records.push(...page.records)
    if (!page.hasMore) return records
    afterId = page.records.at(-1)!.modelId
  }
}
