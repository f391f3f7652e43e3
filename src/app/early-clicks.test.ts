import { afterEach, describe, expect, it, vi } from 'vitest'
import { keepEarlyClicks } from './early-clicks'

afterEach(() => document.body.replaceChildren())

/** A server-rendered button, with no handler yet. */
function serverButton(label: string): HTMLButtonElement {
  const button = document.createElement('button')
  button.type = 'button'
  button.innerHTML = `<span>${label}</span>`
  document.body.append(button)
  return button
}

describe('keepEarlyClicks', () => {
  it('makes a click from before the take-over again once it is done, inner elements included', () => {
    const clicks = keepEarlyClicks()
    const open = serverButton('Claude Opus')
    open.querySelector('span')!.click()
    // The take-over gives the button its handler.
    const handler = vi.fn()
    open.addEventListener('click', handler)
    clicks.replay()
    expect(handler).toHaveBeenCalledTimes(1)
    // Its own click is not kept again.
    clicks.replay()
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('keeps nothing from the moment React listens', () => {
    const clicks = keepEarlyClicks()
    clicks.stopKeeping()
    const open = serverButton('Claude Opus')
    const handler = vi.fn()
    open.addEventListener('click', handler)
    open.click()
    clicks.replay()
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('drops clicks on buttons gone or disabled by the take-over, and on what is no button', () => {
    const clicks = keepEarlyClicks()
    const gone = serverButton('Gone')
    const disabled = serverButton('Disabled')
    const text = document.createElement('p')
    document.body.append(text)
    gone.click()
    disabled.click()
    text.click()
    const handler = vi.fn()
    for (const element of [gone, disabled, text]) element.addEventListener('click', handler)
    gone.remove()
    disabled.disabled = true
    clicks.replay()
    expect(handler).not.toHaveBeenCalled()
  })
})
