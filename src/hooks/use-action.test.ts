import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useAction } from './use-action'

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}

describe('useAction', () => {
  it('runs until its success has been handled, then ends without an error', async () => {
    const run = deferred<string>()
    const handled = deferred<void>()
    const seen: string[] = []
    const { result } = renderHook(() =>
      useAction(() => run.promise, { onSuccess: (value) => (seen.push(value), handled.promise) }),
    )
    expect(result.current.isPending).toBe(false)
    act(() => result.current.start())
    expect(result.current.isPending).toBe(true)
    expect(result.current.submittedAt).toBeGreaterThan(0)
    await act(async () => run.resolve('page'))
    expect(seen).toEqual(['page'])
    expect(result.current.isPending).toBe(true)
    await act(async () => handled.resolve())
    expect(result.current).toMatchObject({ isPending: false, error: null })
  })

  it('keeps how its run failed until the next run starts', async () => {
    const failures: Error[] = []
    let attempt = 0
    const { result } = renderHook(() =>
      useAction(() => (++attempt === 1 ? Promise.reject(new Error('down')) : Promise.resolve()), {
        onError: (error) => failures.push(error),
      }),
    )
    act(() => result.current.start())
    await waitFor(() => expect(result.current.error?.message).toBe('down'))
    expect(result.current.isPending).toBe(false)
    expect(failures.map((error) => error.message)).toEqual(['down'])
    act(() => result.current.start())
    expect(result.current.error).toBeNull()
    await waitFor(() => expect(result.current.isPending).toBe(false))
    expect(result.current.error).toBeNull()
  })

  it('takes its state from the last run started, not from an earlier one ending later', async () => {
    const first = deferred<void>()
    const second = deferred<void>()
    const runs = [first, second]
    const { result } = renderHook(() => useAction(() => runs.shift()!.promise))
    act(() => result.current.start())
    act(() => result.current.start())
    await act(async () => second.resolve())
    expect(result.current.isPending).toBe(false)
    await act(async () => first.reject(new Error('late')))
    expect(result.current.error).toBeNull()
  })
})
