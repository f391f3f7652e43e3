import { describe, expect, it, vi } from 'vitest'
import { createTakeOver } from './take-over'

describe('createTakeOver', () => {
  it('is done once the shell and every part drawn with it are taken over, and says so once', () => {
    const done = vi.fn()
    const takeOver = createTakeOver(done)
    const changes = takeOver.expectPart()
    const dialog = takeOver.expectPart()
    takeOver.shellTakenOver()
    changes.takenOver()
    expect(done).not.toHaveBeenCalled()
    dialog.takenOver()
    expect(done).toHaveBeenCalledTimes(1)
    dialog.takenOver()
    takeOver.shellTakenOver()
    expect(done).toHaveBeenCalledTimes(1)
  })

  it('waits for the shell even when its parts are taken over first', () => {
    const done = vi.fn()
    const takeOver = createTakeOver(done)
    takeOver.expectPart().takenOver()
    expect(done).not.toHaveBeenCalled()
    takeOver.shellTakenOver()
    expect(done).toHaveBeenCalledTimes(1)
  })

  it('stops waiting for a part removed before it was taken over', () => {
    const done = vi.fn()
    const takeOver = createTakeOver(done)
    const part = takeOver.expectPart()
    takeOver.shellTakenOver()
    part.gone()
    expect(done).toHaveBeenCalledTimes(1)
  })

  it('does not wait for a part drawn after the take-over (a dialog opened later)', () => {
    const done = vi.fn()
    const takeOver = createTakeOver(done)
    takeOver.shellTakenOver()
    takeOver.expectPart()
    expect(done).toHaveBeenCalledTimes(1)
  })
})
