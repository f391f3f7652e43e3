import { describe, expect, it } from 'vitest'
import { NotFoundError } from '@anthropic-ai/sdk'
import type { Model } from '../../contract/model'
import { createModelLookup } from './model-lookup'

const bigModel = (id: string): Model => ({
  id,
  type: 'model',
  display_name: 'x'.repeat(2_000),
  created_at: '2026-01-01T00:00:00Z',
})

function lookupOver(retrieve: (id: string) => Promise<Model>, maxBytes?: number) {
  let time = 0
  const asked: string[] = []
  const lookUp = createModelLookup({
    retrieve: (id) => {
      asked.push(id)
      return retrieve(id)
    },
    ttlMs: 60_000,
    failureTtlMs: 30_000,
    now: () => time,
    maxBytes,
  })
  return { lookUp, asked, advance: (ms: number) => (time += ms) }
}

describe('model lookups', () => {
  it('keep an answer for the TTL, one upstream call for concurrent asks', async () => {
    const { lookUp, asked, advance } = lookupOver(async (id) => bigModel(id))
    await Promise.all([lookUp('a'), lookUp('a')])
    await lookUp('a')
    expect(asked).toEqual(['a'])
    advance(60_000)
    await lookUp('a')
    expect(asked).toEqual(['a', 'a'])
  })

  it('keep "no such model" for the failure TTL, other failures not at all', async () => {
    const { lookUp, asked, advance } = lookupOver(async (id) => {
      if (id === 'gone') throw new NotFoundError(404, undefined, 'not found', new Headers())
      throw new Error('upstream down')
    })
    await expect(lookUp('gone')).rejects.toThrow()
    await expect(lookUp('gone')).rejects.toThrow()
    await expect(lookUp('down')).rejects.toThrow()
    await expect(lookUp('down')).rejects.toThrow()
    expect(asked).toEqual(['gone', 'down', 'down'])
    advance(30_000)
    await expect(lookUp('gone')).rejects.toThrow()
    expect(asked).toHaveLength(4)
  })

  it('keep at most their byte budget, the least recently used forgotten first, whatever the ids asked', async () => {
    // Each answer is ~4 KB as kept: a budget of 40 KB keeps the last few, not all 100.
    const { lookUp, asked } = lookupOver(async (id) => bigModel(id), 40 * 1024)
    for (let index = 0; index < 100; index += 1) await lookUp(`model-${index}`)
    await lookUp('model-99')
    expect(asked).toHaveLength(100)
    await lookUp('model-0')
    expect(asked).toHaveLength(101)
  })

  it('count the id itself: long ids asked once each cannot outgrow the budget', async () => {
    const { lookUp, asked } = lookupOver(async () => {
      throw new NotFoundError(404, undefined, 'not found', new Headers())
    }, 64 * 1024)
    const longId = (index: number) => `${index}-${'i'.repeat(8_000)}`
    for (let index = 0; index < 50; index += 1) await expect(lookUp(longId(index))).rejects.toThrow()
    await expect(lookUp(longId(49))).rejects.toThrow()
    expect(asked).toHaveLength(50)
    await expect(lookUp(longId(0))).rejects.toThrow()
    expect(asked).toHaveLength(51)
  })
})
