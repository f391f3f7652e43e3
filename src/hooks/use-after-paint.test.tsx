import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useOnAfterPaint } from './use-after-paint'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useOnAfterPaint', () => {
  test('turns on only after the frame drawn with it, and off at once', () => {
    const { result, rerender } = renderHook(({ on }) => useOnAfterPaint(on), { initialProps: { on: false } })
    rerender({ on: true })
    expect(result.current).toBe(false)
    act(() => vi.runAllTimers())
    expect(result.current).toBe(true)

    rerender({ on: false })
    expect(result.current).toBe(false)
    // Again on: it waits for its own frame again, not the last one's.
    rerender({ on: true })
    expect(result.current).toBe(false)
    act(() => vi.runAllTimers())
    expect(result.current).toBe(true)
  })

  test('on from the first render (a page the server rendered with it on)', () => {
    const { result } = renderHook(() => useOnAfterPaint(true))
    expect(result.current).toBe(true)
  })

  test('turned off before its frame: never on', () => {
    const { result, rerender } = renderHook(({ on }) => useOnAfterPaint(on), { initialProps: { on: false } })
    rerender({ on: true })
    rerender({ on: false })
    act(() => vi.runAllTimers())
    expect(result.current).toBe(false)
  })
})
