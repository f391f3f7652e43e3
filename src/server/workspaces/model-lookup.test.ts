import { describe, expect, it } from 'vitest'
import { InternalServerError, NotFoundError, RateLimitError } from '@anthropic-ai/sdk'
import type { Model } from '../../contract/model'
import { LookupFailedError, UpstreamBackoffError } from '../upstream/upstream-errors'
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
    errorTtlMs: 5_000,
    maxRetryAfterMs: 10_000,
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

  it('keep "no such model" for the failure TTL, as it is', async () => {
    const { lookUp, asked, advance } = lookupOver(async () => {
      throw new NotFoundError(404, undefined, 'not found', new Headers())
    })
    await expect(lookUp('gone')).rejects.toBeInstanceOf(NotFoundError)
    advance(29_999)
    await expect(lookUp('gone')).rejects.toBeInstanceOf(NotFoundError)
    expect(asked).toEqual(['gone'])
    advance(1)
    await expect(lookUp('gone')).rejects.toThrow()
    expect(asked).toHaveLength(2)
  })

  it('repeat another failure for the error TTL, marked as a repeat with the time left', async () => {
    const down = new InternalServerError(500, undefined, 'down', new Headers())
    const { lookUp, asked, advance } = lookupOver(async () => {
      throw down
    })
    const first = await lookUp('down').catch((error: unknown) => error)
    expect(first).toBeInstanceOf(LookupFailedError)
    expect(first).toMatchObject({ failure: down, retryAfterMs: 5_000, repeatedAfterMs: null })
    advance(2_000)
    const repeat = await lookUp('down').catch((error: unknown) => error)
    expect(repeat).toMatchObject({ failure: down, retryAfterMs: 3_000, repeatedAfterMs: 2_000 })
    expect(asked).toEqual(['down'])
    advance(3_000)
    await expect(lookUp('down')).rejects.toMatchObject({ repeatedAfterMs: null })
    expect(asked).toEqual(['down', 'down'])
  })

  it('share one upstream call between concurrent asks that fail', async () => {
    let fail: (error: unknown) => void = () => undefined
    const { lookUp, asked } = lookupOver(() => new Promise((_, reject) => (fail = reject)))
    const asks = Array.from({ length: 10 }, () => lookUp('slow').catch((error: unknown) => error))
    fail(new InternalServerError(503, undefined, 'down', new Headers()))
    const failures = await Promise.all(asks)
    expect(asked).toEqual(['slow'])
    expect(failures.every((error) => error instanceof LookupFailedError && error.repeatedAfterMs === null)).toBe(true)
  })

  it("honour a longer Retry-After of the upstream's, up to the retry-wait cap", async () => {
    const limited = (retryAfter: string) =>
      new RateLimitError(429, undefined, 'slow down', new Headers({ 'retry-after': retryAfter }))
    const { lookUp, asked, advance } = lookupOver(async (id) => {
      throw limited(id === 'a' ? '8' : '3600')
    })
    await expect(lookUp('a')).rejects.toMatchObject({ retryAfterMs: 8_000 })
    await expect(lookUp('b')).rejects.toMatchObject({ retryAfterMs: 10_000 })
    advance(7_999)
    await expect(lookUp('a')).rejects.toMatchObject({ repeatedAfterMs: 7_999 })
    await expect(lookUp('b')).rejects.toMatchObject({ repeatedAfterMs: 7_999 })
    expect(asked).toEqual(['a', 'b'])
    advance(2_001)
    await expect(lookUp('a')).rejects.toMatchObject({ repeatedAfterMs: null })
    await expect(lookUp('b')).rejects.toMatchObject({ repeatedAfterMs: null })
    expect(asked).toEqual(['a', 'b', 'a', 'b'])
  })

  it('keep a refusal that cost no upstream call (breaker, budget) only as long as it asked', async () => {
    const { lookUp, asked, advance } = lookupOver(async () => {
      throw new UpstreamBackoffError('the retrieve budget is spent', 1)
    })
    await expect(lookUp('a')).rejects.toMatchObject({ retryAfterMs: 1_000 })
    advance(1_000)
    await expect(lookUp('a')).rejects.toMatchObject({ repeatedAfterMs: null })
    expect(asked).toEqual(['a', 'a'])
  })

  it('repeat nothing with an error TTL of 0', async () => {
    let time = 0
    const asked: string[] = []
    const lookUp = createModelLookup({
      retrieve: async (id) => {
        asked.push(id)
        throw new InternalServerError(500, undefined, 'down', new Headers({ 'retry-after': '5' }))
      },
      ttlMs: 60_000,
      failureTtlMs: 30_000,
      errorTtlMs: 0,
      maxRetryAfterMs: 10_000,
      now: () => (time += 1),
    })
    await expect(lookUp('down')).rejects.toMatchObject({ retryAfterMs: 0 })
    await expect(lookUp('down')).rejects.toMatchObject({ repeatedAfterMs: null })
    expect(asked).toEqual(['down', 'down'])
  })

  it('keep failures within the byte budget too, whatever the ids asked', async () => {
    const { lookUp, asked } = lookupOver(async () => {
      throw new InternalServerError(500, undefined, 'down', new Headers())
    }, 64 * 1024)
    // A kept failure is ~4.5 KB: 64 KB keeps the last dozen or so of 100 ids, not all.
    for (let index = 0; index < 100; index += 1) await expect(lookUp(`id-${index}`)).rejects.toThrow()
    await expect(lookUp('id-99')).rejects.toMatchObject({ repeatedAfterMs: 0 })
    expect(asked).toHaveLength(100)
    await expect(lookUp('id-0')).rejects.toMatchObject({ repeatedAfterMs: null })
    expect(asked).toHaveLength(101)
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
