import { describe, expect, it } from 'vitest'
import { parseComparedIds, serializeComparedIds } from './compared-ids'

describe('compare in the URL', () => {
  it('takes any id the upstream may list, not only those a lookup may send on', () => {
    expect(parseComparedIds('claude-opus-4-6,claude opus/4.6,..,модель')).toEqual([
      'claude-opus-4-6',
      'claude opus/4.6',
      '..',
      'модель',
    ])
  })

  it('drops empty items and control characters, repeats, and all after the fourth', () => {
    expect(parseComparedIds('a,,a,b\u0000c,b,c,d,e')).toEqual(['a', 'b', 'c', 'd'])
    expect(parseComparedIds(',,')).toBeNull()
  })

  it('gives back every id whole, commas and percent signs included', () => {
    const ids = ['weird,id', '100%', 'literal%2C', 'plain']
    const written = serializeComparedIds(ids)
    expect(written.split(',')).toHaveLength(4)
    expect(parseComparedIds(written)).toEqual(ids)
  })
})
