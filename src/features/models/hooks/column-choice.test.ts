import { describe, expect, it } from 'vitest'
import { columnsParam, DEFAULT_COLUMNS, parseColumns, serializeColumns, TABLE_COLUMNS } from './column-choice'

describe('cols in the URL', () => {
  it('reads added columns and -hidden ones against the default set', () => {
    expect(parseColumns('max_tokens,-id')).toEqual(['display_name', 'line', 'created_at', 'max_tokens'])
    expect(parseColumns('type,-line,-created_at')).toEqual(['id', 'display_name', 'type'])
  })

  it('reads a link made before Line was a default column as it meant', () => {
    expect(parseColumns('line')).toBeNull()
    expect(parseColumns('max_tokens,max_input_tokens')).toEqual([
      'id',
      'display_name',
      'line',
      'created_at',
      'max_input_tokens',
      'max_tokens',
    ])
  })

  it('never hides the display name, skips unknown items and lets the last word on a column win', () => {
    expect(parseColumns('-display_name')).toBeNull()
    expect(parseColumns('nope,-nope,,-,<b>')).toBeNull()
    expect(parseColumns('type,-type')).toBeNull()
    expect(parseColumns('-type,type')).toEqual([...DEFAULT_COLUMNS, 'type'])
  })

  it('writes the shortest form, and the default set as no parameter', () => {
    expect(serializeColumns(['display_name', 'max_tokens', 'created_at'])).toBe('max_tokens,-id,-line')
    expect(columnsParam(DEFAULT_COLUMNS)).toBeNull()
    expect(columnsParam([])).toEqual(['display_name'])
    expect(serializeColumns(['display_name'])).toBe('-id,-line,-created_at')
    // Every set of columns comes back from its own URL.
    for (const column of TABLE_COLUMNS) {
      const shown = TABLE_COLUMNS.filter((each) => each !== column)
      expect(parseColumns(serializeColumns(shown)) ?? DEFAULT_COLUMNS).toEqual(columnsParam(shown) ?? DEFAULT_COLUMNS)
    }
  })
})
