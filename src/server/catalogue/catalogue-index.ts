import { LIFECYCLES, SORT_KEYS, type SortKey } from '../../contract/list-params'
import type { Model } from '../../contract/model'
import { STEP_MS, pauseUnlessAborted, runAtOnce, runInSteps, StepCounter, type Steps } from '../work-in-steps'
import { lifecycleOf } from './lifecycle-of'
import { type SearchIndex, searchIndexSteps } from './search-index'
import { type SortRanks, sortRanksSteps } from './sort-ranks'

/** A model's stage as a number, its place in LIFECYCLES; a view's stages are a bit mask of them. */
export type StageCode = 0 | 1 | 2
const STAGE_CODES = new Map(LIFECYCLES.map((stage, code) => [stage, code as StageCode]))
export const RETIRED: StageCode = STAGE_CODES.get('retired')!

// A Map entry per model (its key is the model's own id string), and a rank per model and sort key.
const ID_ENTRY_BYTES = 40
const ENTRY_OVERHEAD_BYTES = 1_024

/**
 * What every query of one catalogue needs, computed before it is installed:
 * the models by id, their stages, the search texts, and their ranks for each
 * sort key. With it a query costs a few linear passes over typed arrays, so
 * no first query of a new catalogue sorts or lower-cases 100k models on the
 * event loop; it costs ~170 bytes a model (16 MB at 100k), counted in the snapshot's budget.
 */
export class CatalogueIndex {
  /** Its estimated bytes. */
  readonly bytes: number

  constructor(
    /** Each id's position in the upstream's order (the last one for a repeated id). */
    readonly byId: ReadonlyMap<string, number>,
    readonly stages: Uint8Array,
    readonly search: SearchIndex,
    readonly ranks: ReadonlyMap<SortKey, SortRanks>,
  ) {
    this.bytes = ENTRY_OVERHEAD_BYTES + stages.length * (ID_ENTRY_BYTES + 1 + 4 * ranks.size) + search.bytes
  }
}

/** Builds the index of `models`, yielding whenever `work` says a step is full. */
export function* catalogueIndexSteps(models: readonly Model[], work: StepCounter): Steps<CatalogueIndex> {
  const byId = new Map<string, number>()
  const stages = new Uint8Array(models.length)
  for (let index = 0; index < models.length; index += 1) {
    const model = models[index]!
    byId.set(model.id, index)
    stages[index] = STAGE_CODES.get(lifecycleOf(model))!
    if (work.tick()) yield work.take()
  }
  const search = yield* searchIndexSteps(models, work)
  const ranks = new Map<SortKey, SortRanks>()
  for (const key of SORT_KEYS) ranks.set(key, yield* sortRanksSteps(models, key, work))
  return new CatalogueIndex(byId, stages, search, ranks)
}

/** The index built in one go: for small catalogues, tests and benchmarks. */
export const catalogueIndexOf = (models: readonly Model[]): CatalogueIndex =>
  runAtOnce(catalogueIndexSteps(models, new StepCounter()))

// Every field the index is built from: the ranks' values come from these alone.
const INDEXED_FIELDS = [
  'id',
  'type',
  'display_name',
  'created_at',
  'lifecycle',
  'retires_at',
  'line',
  'max_input_tokens',
  'max_tokens',
] as const satisfies readonly (keyof Model)[]

/**
 * Whether `next` gives the same index as `previous`: the same models in the
 * same order, in every field the index reads (other fields may differ: views
 * read those from the models themselves). An unchanged walk, the usual one,
 * then costs a comparison (~10 ms at 100k, in steps) instead of a preparation.
 */
export function* sameIndexSteps(previous: readonly Model[], next: readonly Model[], work: StepCounter): Steps<boolean> {
  if (previous.length !== next.length) return false
  for (let index = 0; index < next.length; index += 1) {
    const before = previous[index]!
    const after = next[index]!
    for (const field of INDEXED_FIELDS) if (before[field] !== after[field]) return false
    if (work.tick()) yield work.take()
  }
  return true
}

/**
 * Each step of a preparation runs at most STEP_MS, whatever its units
 * (a model indexed, a comparison of a sort): the time is what holds requests.
 */
export const PREPARATION_STEP = { units: Number.POSITIVE_INFINITY, ms: STEP_MS }

/**
 * The index of a new catalogue, built in steps of at most PREPARATION_STEP.ms
 * with the event loop free between them (requests are answered from the old
 * snapshot meanwhile). Ends with the signal's reason once it aborts.
 */
export async function prepareCatalogueIndex(
  models: readonly Model[],
  signal: AbortSignal,
  /** The catalogue installed now, whose index is taken over when `models` would give the same. */
  current?: { models: readonly Model[]; index: CatalogueIndex },
): Promise<CatalogueIndex> {
  const pause = pauseUnlessAborted(signal)
  // The walk's last page was just handled on this turn: the first step gets a turn of its own.
  await pause(0)
  const work = new StepCounter(undefined, PREPARATION_STEP)
  if (current && (await runInSteps(sameIndexSteps(current.models, models, work), pause))) return current.index
  return runInSteps(catalogueIndexSteps(models, work), pause)
}
