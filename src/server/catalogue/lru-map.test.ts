import { describe, expect, it } from 'vitest'
import { LruMap } from './lru-map'

describe('LruMap', () => {
  it('forgets the least recently used entry beyond its count, a read counting as a use', () => {
    const map = new LruMap<string, number>(2)
    map.set('a', 1)
    map.set('b', 2)
    expect(map.get('a')).toBe(1)
    map.set('c', 3)
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3])
  })

  it('keeps the total of its values’ bytes within its budget, forgetting the least recently used first', () => {
    const map = new LruMap<string, string>({ maxBytes: 100, sizeOf: (value) => value.length })
    map.set('a', 'x'.repeat(40))
    map.set('b', 'x'.repeat(40))
    map.get('a')
    map.set('c', 'x'.repeat(40))
    expect(map.bytes).toBe(80)
    expect([map.get('a'), map.get('b'), map.get('c')].map((value) => value?.length)).toEqual([40, undefined, 40])
    for (let index = 0; index < 1_000; index += 1) map.set(`k${index}`, 'x'.repeat(index % 60))
    expect(map.bytes).toBeLessThanOrEqual(100)
  })

  it('hands back a value bigger than the whole budget without keeping it', () => {
    const map = new LruMap<string, string>({ maxBytes: 10, sizeOf: (value) => value.length })
    map.set('small', 'x')
    expect(map.getOrCreate('big', () => 'x'.repeat(11))).toHaveLength(11)
    expect(map.get('big')).toBeUndefined()
    expect(map.get('small')).toBe('x')
  })

  it('counts a replaced value once', () => {
    const map = new LruMap<string, string>({ maxBytes: 10, sizeOf: (value) => value.length })
    map.set('a', 'xxxx')
    map.set('a', 'xxxxxx')
    expect(map.bytes).toBe(6)
    expect(map.size).toBe(1)
  })

  it('counts the key too when sizeOf asks for it: long keys of visitor input cannot outgrow the budget', () => {
    const map = new LruMap<string, number>({ maxBytes: 1_000, sizeOf: (_value, key) => key.length })
    for (let index = 0; index < 100; index += 1) map.set(`${index}:${'k'.repeat(300)}`, index)
    expect(map.bytes).toBeLessThanOrEqual(1_000)
    expect(map.size).toBe(3)
    expect(map.get(`99:${'k'.repeat(300)}`)).toBe(99)
  })
})
