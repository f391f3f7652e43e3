import type { SortKey } from '../../contract/list-params'
import type { Model } from '../../contract/model'
import { sortInSteps, type StepCounter, type Steps } from '../work-in-steps'
import { compareValues, sortValueOf } from './sort-order'

/**
 * Each model's place in the order of one sort key, as a dense rank: equal
 * values (as the sort compares them: the collator's "Opus" and "opus" alike)
 * share a rank, and a model without a value gets `distinct`, past every other.
 * Any order of that key, either way, is then a counting sort of the ranks.
 */
export interface SortRanks {
  ranks: Int32Array
  distinct: number
}

/** The ranks of `key` over `models`, computed in steps (a sort of 100k ids by the collator takes ~100 ms). */
export function* sortRanksSteps(models: readonly Model[], key: SortKey, work: StepCounter): Steps<SortRanks> {
  const valueOf = sortValueOf(key)
  // Numbers in a Float64Array (NaN for none), not boxed one by one: 100k dates would be 100k objects for the GC.
  const texts = new Array<string>(models.length)
  const numbers = new Float64Array(models.length)
  // A key's values are all text or all numbers (sortValueOf's).
  let numeric = false
  const present: number[] = []
  for (let index = 0; index < models.length; index += 1) {
    const value = valueOf(models[index]!)
    if (typeof value === 'number') {
      numeric = true
      numbers[index] = value
    } else if (value !== null) texts[index] = value
    if (value !== null) present.push(index)
    if (work.tick()) yield work.take()
  }
  const compare = numeric
    ? (a: number, b: number) => numbers[a]! - numbers[b]!
    : (a: number, b: number) => compareValues(texts[a]!, texts[b]!)
  const sorted = yield* sortInSteps(present, compare, work)
  // -1 until ranked: those left are the models without a value.
  const ranks = new Int32Array(models.length).fill(-1)
  let rank = -1
  for (let position = 0; position < sorted.length; position += 1) {
    if (position === 0 || compare(sorted[position - 1]!, sorted[position]!) !== 0) rank += 1
    ranks[sorted[position]!] = rank
    if (work.tick()) yield work.take()
  }
  const distinct = rank + 1
  for (let index = 0; index < models.length; index += 1) if (ranks[index] === -1) ranks[index] = distinct
  return { ranks, distinct }
}

// Models counted between two looks at the clock: well under a millisecond.
const COUNTING_BLOCK = 4_096

/**
 * An order of the models' indices and each one's position in it, by a
 * counting sort on `bucketOf` (0 to buckets − 1): stable, so ties keep the
 * upstream's order. Linear (~2–5 ms at 100k models), in steps all the same.
 */
export function* countingOrderSteps(
  count: number,
  buckets: number,
  bucketOf: (index: number) => number,
  work: StepCounter,
): Steps<{ order: Int32Array; positions: Int32Array }> {
  const keys = new Int32Array(count)
  // starts[b + 1] counts bucket b; then, summed, starts[b] is where bucket b begins.
  const starts = new Int32Array(buckets + 1)
  for (let start = 0; start < count; start += COUNTING_BLOCK) {
    const end = Math.min(start + COUNTING_BLOCK, count)
    for (let index = start; index < end; index += 1) {
      const bucket = bucketOf(index)
      keys[index] = bucket
      starts[bucket + 1]! += 1
    }
    if (work.tick(end - start)) yield work.take()
  }
  for (let bucket = 1; bucket < starts.length; bucket += 1) starts[bucket]! += starts[bucket - 1]!
  const order = new Int32Array(count)
  const positions = new Int32Array(count)
  for (let start = 0; start < count; start += COUNTING_BLOCK) {
    const end = Math.min(start + COUNTING_BLOCK, count)
    for (let index = start; index < end; index += 1) {
      const at = starts[keys[index]!]!++
      order[at] = index
      positions[index] = at
    }
    if (work.tick(end - start)) yield work.take()
  }
  return { order, positions }
}

/**
 * The bucket of each rank for one direction: ascending or descending, those
 * without a value last either way; what a stable sort by that key gives.
 */
export function rankBucket({ ranks, distinct }: SortRanks, descending: boolean): (index: number) => number {
  return (index) => {
    const rank = ranks[index]!
    return rank === distinct || !descending ? rank : distinct - 1 - rank
  }
}
