import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { linkedSignal, rejectionOnAbort } from './linked-signal'

describe('a linked signal', () => {
  it('aborts with the reason of whichever source aborts first', () => {
    const [first, second] = [new AbortController(), new AbortController()]
    const { signal } = linkedSignal([first.signal, undefined, second.signal])
    second.abort(new Error('the server is stopping'))
    first.abort(new Error('too late'))
    expect(signal.aborted).toBe(true)
    expect((signal.reason as Error).message).toBe('the server is stopping')
  })

  it('is aborted from the start when a source already is', () => {
    const stopped = AbortSignal.abort(new Error('stopped'))
    expect(linkedSignal([new AbortController().signal, stopped]).signal.reason).toBe(stopped.reason)
  })

  it('leaves nothing on a long-lived source once unlinked, however many were made from it', () => {
    const stopping = new AbortController()
    for (let walk = 0; walk < 1_000; walk += 1) {
      const { signal, unlink } = linkedSignal([stopping.signal, new AbortController().signal])
      signal.addEventListener('abort', () => {})
      unlink()
    }
    expect(getEventListeners(stopping.signal, 'abort')).toHaveLength(0)
  })

  it('no longer aborts after it is unlinked', () => {
    const source = new AbortController()
    const { signal, unlink } = linkedSignal([source.signal])
    unlink()
    source.abort()
    expect(signal.aborted).toBe(false)
  })
})

describe('a rejection on abort', () => {
  it('rejects with the reason, at once for a signal already aborted', async () => {
    await expect(rejectionOnAbort(AbortSignal.abort(new Error('over time'))).rejected).rejects.toThrow('over time')
    const controller = new AbortController()
    const { rejected } = rejectionOnAbort(controller.signal)
    controller.abort(new Error('stopped'))
    await expect(rejected).rejects.toThrow('stopped')
  })

  it('stops listening once released', () => {
    const controller = new AbortController()
    rejectionOnAbort(controller.signal).release()
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })
})
