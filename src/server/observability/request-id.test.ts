import { describe, expect, it } from 'vitest'
import { newRequestId, REQUEST_ID_PATTERN } from './request-id'

describe('newRequestId', () => {
  it('gives req_ and 24 base62 characters, like the Anthropic API', () => {
    expect(newRequestId()).toMatch(REQUEST_ID_PATTERN)
    expect(REQUEST_ID_PATTERN.test('req_011CUmxKWgDqV1x2c9kYH4uQ')).toBe(true)
  })

  it('never repeats and uses every base62 character, across several refills of its random pool', () => {
    const ids = Array.from({ length: 5000 }, newRequestId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(REQUEST_ID_PATTERN)
    const characters = new Set(ids.join('').replaceAll('req_', ''))
    expect(characters.size).toBe(62)
  })
})
