import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { diffWalk, walkFingerprint } from './diff-walk'
import type { ModelRecord } from './history-store'

const T0 = Date.UTC(2026, 9, 1)
const T1 = Date.UTC(2026, 9, 2)
const T2 = Date.UTC(2026, 9, 3)

function model(id: string, displayName = id.toUpperCase(), lifecycle?: Model['lifecycle']): Model {
  return { id, type: 'model', display_name: displayName, created_at: '2026-01-01T00:00:00Z', lifecycle }
}

/** Runs walks one after another the way a store does, keeping the records between them. */
function walks(...catalogues: { at: number; models: Model[] }[]) {
  const known = new Map<string, ModelRecord>()
  let previous: number | null = null
  return catalogues.map(({ at, models }) => {
    const diff = diffWalk(known, previous, models, at)
    for (const record of diff.records) known.set(record.modelId, record)
    previous = at
    return { ...diff, known: new Map(known) }
  })
}

describe('diffWalk', () => {
  it('records the first walk as a baseline: every model first seen then, marked, and no "added" change', () => {
    const [first] = walks({ at: T0, models: [model('b'), model('a')] })
    expect(first!.baseline).toBe(true)
    expect(first!.changes).toEqual([])
    expect(first!.known.get('a')).toEqual({
      modelId: 'a',
      displayName: 'A',
      lifecycle: null,
      firstSeen: T0,
      baseline: true,
      lastSeen: null,
      removedAt: null,
      missingSince: null,
    })
  })

  it('records additions at once and a removal only when a second walk in a row lacks the model', () => {
    const [, second, third] = walks(
      { at: T0, models: [model('a'), model('b')] },
      { at: T1, models: [model('c'), model('a')] },
      { at: T2, models: [model('c'), model('a')] },
    )
    expect(second!.baseline).toBe(false)
    expect(second!.changes.map((change) => [change.kind, change.modelId])).toEqual([['added', 'c']])
    expect(second!.known.get('c')).toMatchObject({ firstSeen: T1, baseline: false, removedAt: null })
    expect(second!.known.get('b')).toMatchObject({ lastSeen: T0, removedAt: null, missingSince: T1 })
    expect(third!.changes.map((change) => [change.kind, change.modelId])).toEqual([['removed', 'b']])
    expect(third!.known.get('b')).toMatchObject({ firstSeen: T0, baseline: true, lastSeen: T0, removedAt: T2 })
  })

  it('records nothing for a model missing from one walk and back in the next', () => {
    const results = walks(
      { at: T0, models: [model('a'), model('b')] },
      { at: T1, models: [model('a')] },
      { at: T2, models: [model('a'), model('b')] },
    )
    expect(results.flatMap((result) => result.changes)).toEqual([])
    expect(results[2]!.known.get('b')).toMatchObject({
      firstSeen: T0,
      lastSeen: null,
      removedAt: null,
      missingSince: null,
    })
  })

  it('records a model that comes back after its removal as added again, keeping when it was first seen', () => {
    const T3 = T2 + 86_400_000
    const [, , , fourth] = walks(
      { at: T0, models: [model('a'), model('b')] },
      { at: T1, models: [model('a')] },
      { at: T2, models: [model('a')] },
      { at: T3, models: [model('a'), model('b', 'B returns')] },
    )
    expect(fourth!.changes).toEqual([
      { modelId: 'b', kind: 'added', displayName: 'B returns', before: null, after: null },
    ])
    expect(fourth!.known.get('b')).toMatchObject({ firstSeen: T0, lastSeen: null, removedAt: null })
  })

  it('records a removal at once for a walk whose absences are confirmed (agreeing doubted walks, an accept)', () => {
    const known = new Map<string, ModelRecord>()
    for (const record of diffWalk(known, null, [model('a'), model('b')], T0).records) known.set(record.modelId, record)
    const confirmed = diffWalk(known, T0, [model('a')], T1, { confirmed: true })
    expect(confirmed.changes).toEqual([{ modelId: 'b', kind: 'removed', displayName: 'B', before: null, after: null }])
    expect(confirmed.records).toEqual([expect.objectContaining({ modelId: 'b', lastSeen: T0, removedAt: T1 })])
  })

  it('compares names as the store keeps them: a lone surrogate records no rename on the next walk', () => {
    const [first, second] = walks(
      { at: T0, models: [model('a', 'Broken \uD800 name')] },
      { at: T1, models: [model('a', 'Broken \uD800 name')] },
    )
    expect(first!.known.get('a')!.displayName).toBe('Broken \uFFFD name')
    expect(second!.changes).toEqual([])
  })

  it('records a new display name and a new lifecycle with before and after', () => {
    const [, second] = walks(
      { at: T0, models: [model('a', 'Old name', 'active')] },
      { at: T1, models: [model('a', 'New name', 'deprecated')] },
    )
    expect(second!.changes).toEqual([
      { modelId: 'a', kind: 'display_name_changed', displayName: 'New name', before: 'Old name', after: 'New name' },
      { modelId: 'a', kind: 'lifecycle_changed', displayName: 'New name', before: 'active', after: 'deprecated' },
    ])
    expect(second!.known.get('a')).toMatchObject({ displayName: 'New name', lifecycle: 'deprecated' })
  })

  it('records no lifecycle change when a walk does not report lifecycles (older API versions), either way', () => {
    const results = walks(
      { at: T0, models: [model('a')] },
      { at: T1, models: [model('a', 'A', 'deprecated')] },
      { at: T2, models: [model('a')] },
    )
    expect(results.flatMap((result) => result.changes)).toEqual([])
    expect(results[2]!.known.get('a')!.lifecycle).toBe('deprecated')
  })

  it('writes nothing for a walk that changed nothing', () => {
    const [, second] = walks(
      { at: T0, models: [model('a', 'A', 'active'), model('b')] },
      { at: T1, models: [model('a', 'A', 'active'), model('b')] },
    )
    expect(second).toMatchObject({ baseline: false, changes: [], records: [] })
  })

  it('counts a model listed twice in one walk once', () => {
    const [, second] = walks({ at: T0, models: [] }, { at: T1, models: [model('a'), model('a')] })
    expect(second!.changes.map((change) => change.kind)).toEqual(['added'])
  })

  it('orders removals by id across the steps of a large walk', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `m${String((index * 7919) % 5_000).padStart(5, '0')}`)
    const [, , third] = walks(
      { at: T0, models: ids.map((id) => model(id)) },
      { at: T1, models: [] },
      { at: T2, models: [] },
    )
    const removed = third!.changes.map((change) => change.modelId).reverse()
    expect(removed).toEqual([...ids].sort())
  })

  it('records changes so that, read newest first, they follow the upstream order', () => {
    const [, second] = walks(
      { at: T0, models: [model('old')] },
      { at: T1, models: [model('n1'), model('n2'), model('old')] },
    )
    expect(second!.changes.map((change) => change.modelId).reverse()).toEqual(['n1', 'n2'])
  })

  it('records removals so that, read newest first, they come by id, whatever order the records were in', () => {
    const [, , third] = walks(
      { at: T0, models: [model('b'), model('c'), model('a')] },
      { at: T1, models: [] },
      { at: T2, models: [] },
    )
    expect(third!.changes.map((change) => change.modelId).reverse()).toEqual(['a', 'b', 'c'])
  })
})

describe('walkFingerprint', () => {
  it('is the same for the same walk and differs when an id, a name, a lifecycle or the count does', () => {
    const walk = [model('a', 'A', 'active'), model('b', 'B')]
    expect(walkFingerprint(walk)).toBe(walkFingerprint(walk.map((entry) => ({ ...entry }))))
    const variants = [
      [model('a', 'A', 'active'), model('c', 'B')],
      [model('a', 'A2', 'active'), model('b', 'B')],
      [model('a', 'A', 'deprecated'), model('b', 'B')],
      [model('a', 'A', 'active')],
      // Field boundaries count: id "bB" with no name is not id "b" named "B".
      [model('a', 'A', 'active'), model('bB', '')],
    ]
    const prints = new Set([walk, ...variants].map(walkFingerprint))
    expect(prints.size).toBe(variants.length + 1)
  })
})
