import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { runAtOnce, StepCounter } from '../work-in-steps'
import { type SearchIndex, searchIndexSteps } from './search-index'

const model = (id: string, displayName: string): Model => ({
  id,
  type: 'model',
  display_name: displayName,
  created_at: '2025-01-01T00:00:00Z',
})

/** What the index must agree with: every term in the lower-cased id or display name. */
function naive(models: readonly Model[], order: Int32Array, terms: readonly string[]): number[] {
  return [...order].filter((index) => {
    const text = `${models[index]!.id}\n${models[index]!.display_name}`.toLowerCase()
    return terms.every((term) => text.includes(term))
  })
}

const indexOf = (models: readonly Model[]) => runAtOnce(searchIndexSteps(models, new StepCounter()))
const filter = (index: SearchIndex, order: Int32Array, terms: readonly string[]) =>
  [...order].filter(index.matcher(terms))

const upstreamOrder = (count: number) => Int32Array.from({ length: count }, (_, index) => index)

describe('the search index', () => {
  it('finds exactly the models whose id or display name contains every term, whatever the text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcAB12-. ÉéİßΣσ\u{1F600}'), maxLength: 12 })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 30 }),
        fc.array(text.map((term) => term.toLowerCase().trim()).filter(Boolean), { minLength: 1, maxLength: 3 }),
        (pairs, terms) => {
          const models = pairs.map(([id, name]) => model(id, name))
          const order = upstreamOrder(models.length).reverse()
          expect(filter(indexOf(models), order, terms)).toEqual(naive(models, order, terms))
        },
      ),
    )
  })

  it('agrees with a plain search over a large catalogue, for one-letter, digit and word terms', () => {
    const models = syntheticCatalogue(3000)
    const index = indexOf(models)
    const order = upstreamOrder(models.length)
    for (const terms of [['s'], ['7'], ['sonnet'], ['opus', '12'], ['claude-'], ['haiku 1'], ['nothing-like-it']]) {
      expect(filter(index, order, terms), terms.join(' ')).toEqual(naive(models, order, terms))
    }
  })

  it('keeps the order it is given and only the indices in it', () => {
    const models = [model('a-sonnet', 'A'), model('b-opus', 'B'), model('c-sonnet', 'C'), model('d-sonnet', 'D')]
    expect(filter(indexOf(models), Int32Array.of(3, 1, 0), ['sonnet'])).toEqual([3, 0])
  })

  it('matches a term in the display name as well as in the id, but not across the two', () => {
    const models = [model('claude-x', 'Claude Sonnet 5')]
    const index = indexOf(models)
    expect(filter(index, Int32Array.of(0), ['sonnet'])).toEqual([0])
    // Terms never hold whitespace, so none can join the end of the id to the display name.
    expect(filter(index, Int32Array.of(0), ['xclaude'])).toEqual([])
  })
})
