import { describe, expect, it } from 'vitest'
import { activeFilterCount } from './active-filter-count'

const NO_FACETS = { line: null, caps: null, min_context: null, retiring_within: null }

describe('activeFilterCount', () => {
  it('is zero for the default lifecycle and no facet', () => {
    expect(activeFilterCount(true, NO_FACETS)).toBe(0)
  })

  it('counts a lifecycle choice other than the default as one filter', () => {
    expect(activeFilterCount(false, NO_FACETS)).toBe(1)
  })

  it('counts each facet in use once, whatever it holds', () => {
    expect(
      activeFilterCount(false, { line: ['opus', 'sonnet'], caps: ['batch'], min_context: 200_000, retiring_within: 0 }),
    ).toBe(5)
  })
})
