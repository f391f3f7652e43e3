import { describe, expect, it } from 'vitest'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import type { Model } from '../../contract/model'
import { runAtOnce, StepCounter } from '../work-in-steps'
import { doubtSteps, fingerprintOf, type PlausibilityRule } from './plausibility'

/** The doubt about a walk of `next` after `previous`, in one go. */
function doubtAbout(previous: readonly Model[] | null, next: readonly Model[], rule: PlausibilityRule): string | null {
  const present = new Set(next.map((model) => model.id))
  return runAtOnce(doubtSteps(previous, next.length, (id) => present.has(id), rule, new StepCounter()))
}

const rule = { maxLossShare: 0.5, agreeingWalks: 2 }
const TEN = syntheticCatalogue(10)

describe('the plausibility rule', () => {
  it('doubts an empty walk, with or without an earlier catalogue', () => {
    expect(doubtAbout(TEN, [], rule)).toMatch(/listed no models at all/)
    expect(doubtAbout(null, [], rule)).toMatch(/listed no models at all/)
  })

  it('believes any non-empty first walk', () => {
    expect(doubtAbout(null, TEN.slice(0, 1), rule)).toBeNull()
  })

  it('believes a walk that loses up to the share, and doubts one that loses more', () => {
    expect(doubtAbout(TEN, TEN.slice(5), rule)).toBeNull()
    expect(doubtAbout(TEN, TEN.slice(6), rule)).toBe(
      'the Anthropic API listed 4 models, without 6 of the 10 it listed before',
    )
  })

  it('counts losses by id, so a walk that renames or adds is never doubted', () => {
    const renamed = TEN.map((model) => ({ ...model, display_name: `${model.display_name} (new)` }))
    expect(doubtAbout(TEN, [...renamed, ...syntheticCatalogue(20)], rule)).toBeNull()
  })

  it('follows the configured share', () => {
    expect(doubtAbout(TEN, TEN.slice(1), { ...rule, maxLossShare: 0 })).toMatch(/without 1 of the 10/)
    expect(doubtAbout(TEN, TEN.slice(9), { ...rule, maxLossShare: 1 })).toBeNull()
  })

  it('gives equal fingerprints to walks with the same ids in the same order, and different ones otherwise', () => {
    expect(fingerprintOf(TEN)).toBe(fingerprintOf(TEN.map((model) => ({ ...model }))))
    expect(fingerprintOf(TEN)).not.toBe(fingerprintOf(TEN.slice(1)))
    expect(fingerprintOf(TEN)).not.toBe(fingerprintOf([...TEN].reverse()))
  })
})
