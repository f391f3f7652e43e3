import type { Model } from '../../contract/model'
import type { ModelRecord, NewChange } from './history-store'

export interface WalkDiff {
  baseline: boolean
  /** In the order to record them, so that newest first they read: removals by id, then the upstream's order. */
  changes: NewChange[]
  /** The records that are new or differ from the known ones; the others stay as they are. */
  records: ModelRecord[]
}

/**
 * Compares a walk with what the history knows of a workspace: its model records
 * and when its previous walk was (null: this is its first). Pure, so every
 * store records exactly the same changes.
 *
 * - The first walk is the baseline: its models are recorded as first seen then,
 *   marked as such, and no "added" change is recorded for them, so a new
 *   history does not announce the whole catalogue.
 * - A lifecycle is compared only when both walks report one: an upstream that
 *   starts (or stops) sending the field has not changed any model's lifecycle.
 */
export function diffWalk(
  known: ReadonlyMap<string, ModelRecord>,
  previousWalkAt: number | null,
  models: readonly Model[],
  at: number,
): WalkDiff {
  const baseline = previousWalkAt === null
  const changes: NewChange[] = []
  const records: ModelRecord[] = []
  const listed = new Set<string>()
  const change = (modelId: string, displayName: string, kind: NewChange['kind'], before?: string, after?: string) =>
    changes.push({ modelId, kind, displayName, before: before ?? null, after: after ?? null })

  // The upstream lists newest first; recording in reverse makes a newest-first reading follow its order.
  for (let index = models.length - 1; index >= 0; index -= 1) {
    const model = models[index]!
    if (listed.has(model.id)) continue
    listed.add(model.id)
    const lifecycle = model.lifecycle ?? null
    const record = known.get(model.id)
    const current = { modelId: model.id, displayName: model.display_name }
    if (!record) {
      records.push({ ...current, lifecycle, firstSeen: at, baseline, lastSeen: null, removedAt: null })
      if (!baseline) change(model.id, model.display_name, 'added')
      continue
    }
    const next: ModelRecord = { ...record, ...current, lifecycle: lifecycle ?? record.lifecycle }
    if (record.removedAt !== null) {
      records.push({ ...next, lastSeen: null, removedAt: null })
      change(model.id, model.display_name, 'added')
      continue
    }
    if (record.displayName !== model.display_name) {
      change(model.id, model.display_name, 'display_name_changed', record.displayName, model.display_name)
    }
    if (record.lifecycle !== null && lifecycle !== null && record.lifecycle !== lifecycle) {
      change(model.id, model.display_name, 'lifecycle_changed', record.lifecycle, lifecycle)
    }
    if (next.displayName !== record.displayName || next.lifecycle !== record.lifecycle) records.push(next)
  }

  const gone = [...known.values()].filter((record) => record.removedAt === null && !listed.has(record.modelId))
  // The previous order is not kept; by id, newest-first reading is alphabetical, whatever order the store read them in.
  gone.sort((a, b) => (a.modelId < b.modelId ? 1 : a.modelId > b.modelId ? -1 : 0))
  for (const record of gone) {
    records.push({ ...record, lastSeen: previousWalkAt ?? record.firstSeen, removedAt: at })
    change(record.modelId, record.displayName, 'removed')
  }
  return { baseline, changes, records }
}

/**
 * A fingerprint of what diffWalk looks at (ids, names and lifecycles, in the
 * upstream's order; cyrb53, 53 bits, plus the count). Most walks change
 * nothing; a store that finds the previous walk's fingerprint again can skip
 * reading and comparing the whole catalogue.
 */
export function walkFingerprint(models: readonly Model[]): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  const mix = (text: string) => {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index)
      h1 = Math.imul(h1 ^ code, 2654435761)
      h2 = Math.imul(h2 ^ code, 1597334677)
    }
  }
  for (const model of models) {
    mix(model.id)
    mix('\u0000')
    mix(model.display_name)
    mix('\u0000')
    mix(model.lifecycle ?? '')
    mix('\u0001')
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}-${models.length}`
}
