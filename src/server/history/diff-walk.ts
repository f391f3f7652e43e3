import type { ModelRecord, NewChange, WalkModel, WalkRecordOptions } from './history-store'
import { runAtOnce, sortInSteps, StepCounter, type Steps } from '../work-in-steps'

export interface WalkDiff {
  baseline: boolean
  /** In the order to record them, so that newest first they read: removals by id, then the upstream's order. */
  changes: NewChange[]
  /** The records that are new or differ from the known ones; the others stay as they are. */
  records: ModelRecord[]
}

// A lone surrogate (half of a UTF-16 pair) has no UTF-8 form; PostgreSQL's text cannot hold NUL.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text as a store keeps it: both engines store UTF-8, so a lone surrogate comes
 * back as U+FFFD, and PostgreSQL refuses NUL, so it is kept as U+FFFD too. The
 * store keeps and compares this form; comparing the raw name with the stored
 * one would record a rename on every walk.
 */
export function asStored(text: string): string {
  return text.replace(NOT_STORABLE, '\uFFFD')
}

const byIdDescending = (a: ModelRecord, b: ModelRecord) => (a.modelId < b.modelId ? 1 : a.modelId > b.modelId ? -1 : 0)

/**
 * Compares a walk with what the history knows of a workspace: its model records
 * and when its previous walk was (null: this is its first). Pure, so every
 * store records exactly the same changes; in steps (see work-in-steps.ts).
 *
 * - The first walk is the baseline: its models are recorded as first seen then,
 *   marked as such, and no "added" change is recorded for them, so a new
 *   history does not announce the whole catalogue.
 * - A removal is recorded only when a second walk in a row lacks the model: the
 *   first one only marks it missing, and a model back in the next walk records
 *   nothing, so one short or wrong answer of the upstream leaves no trace. A
 *   walk whose absences are `confirmed` already (doubted walks that agreed, or
 *   an operator's accept) records its removals at once.
 * - A lifecycle is compared only when both walks report one: an upstream that
 *   starts (or stops) sending the field has not changed any model's lifecycle.
 * - Ids and names are compared as the store keeps them (asStored).
 */
export function* diffWalkSteps(
  known: ReadonlyMap<string, ModelRecord>,
  previousWalkAt: number | null,
  models: readonly WalkModel[],
  at: number,
  work: StepCounter,
  { confirmed = false }: WalkRecordOptions = {},
): Steps<WalkDiff> {
  const baseline = previousWalkAt === null
  const changes: NewChange[] = []
  const records: ModelRecord[] = []
  const listed = new Set<string>()
  const change = (modelId: string, displayName: string, kind: NewChange['kind'], before?: string, after?: string) =>
    changes.push({ modelId, kind, displayName, before: before ?? null, after: after ?? null })
  // The upstream lists newest first; recording in reverse makes a newest-first reading follow its order.
  for (let index = models.length - 1; index >= 0; index -= 1) {
    if (work.tick()) yield work.take()
    const model = models[index]!
    const modelId = asStored(model.id)
    const displayName = asStored(model.display_name)
    if (listed.has(modelId)) continue
    listed.add(modelId)
    const lifecycle = model.lifecycle ?? null
    const record = known.get(modelId)
    if (!record) {
      records.push({
        modelId,
        displayName,
        lifecycle,
        firstSeen: at,
        baseline,
        lastSeen: null,
        removedAt: null,
        missingSince: null,
      })
      if (!baseline) change(modelId, displayName, 'added')
      continue
    }
    const next: ModelRecord = { ...record, displayName, lifecycle: lifecycle ?? record.lifecycle }
    if (record.removedAt !== null) {
      records.push({ ...next, lastSeen: null, removedAt: null, missingSince: null })
      change(modelId, displayName, 'added')
      continue
    }
    if (record.displayName !== displayName) {
      change(modelId, displayName, 'display_name_changed', record.displayName, displayName)
    }
    if (record.lifecycle !== null && lifecycle !== null && record.lifecycle !== lifecycle) {
      change(modelId, displayName, 'lifecycle_changed', record.lifecycle, lifecycle)
    }
    if (record.missingSince !== null) {
      // Missing from one walk only: back as if it had never gone.
      records.push({ ...next, lastSeen: null, missingSince: null })
    } else if (next.displayName !== record.displayName || next.lifecycle !== record.lifecycle) {
      records.push(next)
    }
  }
  const gone: ModelRecord[] = []
  for (const record of known.values()) {
    if (work.tick()) yield work.take()
    if (record.removedAt === null && !listed.has(record.modelId)) gone.push(record)
  }
  // The previous order is not kept; by id, newest-first reading is alphabetical, whatever order the store read them in.
  const sortedGone = yield* sortInSteps(gone, byIdDescending, work)
  for (const record of sortedGone) {
    if (work.tick()) yield work.take()
    if (record.missingSince === null && !confirmed) {
      records.push({ ...record, lastSeen: previousWalkAt ?? record.firstSeen, missingSince: at })
      continue
    }
    const lastSeen = record.missingSince === null ? (previousWalkAt ?? record.firstSeen) : record.lastSeen
    records.push({ ...record, lastSeen, removedAt: at, missingSince: null })
    change(record.modelId, record.displayName, 'removed')
  }
  return { baseline, changes, records }
}

/** diffWalk in one go, for small inputs and tests. */
export function diffWalk(
  known: ReadonlyMap<string, ModelRecord>,
  previousWalkAt: number | null,
  models: readonly WalkModel[],
  at: number,
  options: WalkRecordOptions = {},
): WalkDiff {
  return runAtOnce(diffWalkSteps(known, previousWalkAt, models, at, new StepCounter(), options))
}

/**
 * A fingerprint of what diffWalk looks at (ids, names and lifecycles, in the
 * upstream's order; cyrb53, 53 bits, plus the count). Most walks change
 * nothing; a store that finds the previous walk's fingerprint again can skip
 * reading and comparing the whole catalogue.
 */
export function* walkFingerprintSteps(models: readonly WalkModel[], work: StepCounter): Steps<string> {
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
    if (work.tick()) yield work.take()
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

export function walkFingerprint(models: readonly WalkModel[]): string {
  return runAtOnce(walkFingerprintSteps(models, new StepCounter()))
}
