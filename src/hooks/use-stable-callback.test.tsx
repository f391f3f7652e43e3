import { renderHook } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { useStableCallback } from './use-stable-callback'

describe('useStableCallback', () => {
  test('keeps its identity across renders and calls the callback of the last render', () => {
    const { result, rerender } = renderHook(({ factor }) => useStableCallback((value: number) => value * factor), {
      initialProps: { factor: 2 },
    })
    const first = result.current
    expect(first(3)).toBe(6)
    rerender({ factor: 10 })
    expect(result.current).toBe(first)
    expect(first(3)).toBe(30)
  })
})
