import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SORT_KEYS, SORT_VALUES } from '../../contract/list-params'
import type { Model } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { runAtOnce, runInSteps, StepCounter } from '../work-in-steps'
import { sortModels } from './sort-order'
import { countingOrderSteps, rankBucket, type SortRanks, sortRanksSteps } from './sort-ranks'
import { parseSort } from '../../contract/list-params'

/** The models' indices in the order of one key, ascending or descending, counted out of its ranks in one go. */
function orderOfRanks(sortRanks: SortRanks, descending: boolean): Int32Array {
  const { ranks, distinct } = sortRanks
  return runAtOnce(countingOrderSteps(ranks.length, distinct + 1, rankBucket(sortRanks, descending), new StepCounter()))
    .order
}

/** The order a sort value gives through the ranks, as the models' ids. */
function rankedIds(models: readonly Model[], sort: (typeof SORT_VALUES)[number], work = new StepCounter()) {
  const { key, descending } = parseSort(sort)
  const order = orderOfRanks(runAtOnce(sortRanksSteps(models, key, work)), descending)
  return Array.from(order, (index) => models[index]!.id)
}

const ids = (models: readonly Model[]) => models.map((model) => model.id)

// Values that tie in the collator (case, accents), numbers in names, and every kind of missing value.
const odd = fc.record({
  display_name: fc.constantFrom('Opus 2', 'opus 2', 'Ópus 2', 'Opus 10', 'Haiku', '', 'haiku'),
  created_at: fc.constantFrom('2025-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '1970-01-01T00:00:00Z', 'not a date'),
  line: fc.constantFrom('opus', 'Opus', 'sonnet', null, undefined),
  max_input_tokens: fc.constantFrom(200_000, 1_000_000, null, undefined),
  max_tokens: fc.constantFrom(8_192, 64_000, null),
  retires_at: fc.constantFrom('2027-01-01T00:00:00Z', 'soon', null, undefined),
})

describe('the sort ranks', () => {
  it.each(SORT_VALUES)('give the order the one-go sort gives for %s, ties in the upstream order', (sort) => {
    const models = syntheticCatalogue(3_000)
    expect(rankedIds(models, sort)).toEqual(ids(sortModels(models, sort)))
  })

  it('agree with the one-go sort for any catalogue with ties, accents and missing values, either way', () => {
    fc.assert(
      fc.property(fc.array(odd, { maxLength: 40 }), (records) => {
        const models = records.map((record, index) => ({ id: `m-${index}`, type: 'model', ...record }) as Model)
        for (const sort of SORT_VALUES) expect(rankedIds(models, sort), sort).toEqual(ids(sortModels(models, sort)))
      }),
    )
  })

  it('give the same order when every step is cut short, a clock past its time at each unit', async () => {
    const models = syntheticCatalogue(2_500)
    let now = 0
    const work = new StepCounter(() => (now += 100), { units: Number.POSITIVE_INFINITY, ms: 8 })
    let pauses = 0
    for (const key of SORT_KEYS) {
      const ranks = await runInSteps(sortRanksSteps(models, key, work), async () => void (pauses += 1))
      expect(Array.from(orderOfRanks(ranks, true), (index) => models[index]!.id)).toEqual(
        ids(sortModels(models, `-${key}`)),
      )
    }
    // Each unit ended a step: the work was spread over thousands of turns, not one.
    expect(pauses).toBeGreaterThan(SORT_KEYS.length * 2_500)
  })
})
