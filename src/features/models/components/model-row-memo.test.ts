import { describe, expect, test } from 'vitest'
import { TEST_CATALOGUE } from '../../../testing/bff-server'
import { type ModelRowProps, sameModelRow } from './model-row-memo'

const openModel = () => {}
const setCompared = () => {}
const columns = ['id', 'display_name']

function props(overrides: Partial<ModelRowProps> = {}, model = TEST_CATALOGUE[0]!): ModelRowProps {
  // The row object itself is not compared (the table may build a new one for the same model): only its model.
  const row = { original: model } as unknown as ModelRowProps['row']
  return { row, columns, now: 1_000, isNew: false, chosen: false, full: false, openModel, setCompared, ...overrides }
}

describe('sameModelRow', () => {
  test('the same model, columns and meta: not drawn again, even from a new Row object', () => {
    expect(sameModelRow(props(), props())).toBe(true)
  })

  test('anything the row shows or does changed: drawn again', () => {
    const changes: Partial<ModelRowProps>[] = [
      { columns: [...columns] },
      { now: 61_000 },
      { isNew: true },
      { chosen: true },
      { full: true },
      { openModel: () => {} },
      { setCompared: () => {} },
    ]
    for (const change of changes) expect(sameModelRow(props(), props(change))).toBe(false)
    expect(sameModelRow(props(), props({}, TEST_CATALOGUE[1]))).toBe(false)
    // A refetch that changed the model gives a new object for it (React Query keeps unchanged ones).
    expect(sameModelRow(props(), props({}, { ...TEST_CATALOGUE[0]! }))).toBe(false)
  })
})
