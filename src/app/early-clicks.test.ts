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
  it('keeps a form from being sent as a page load, and sends it through its handler once taken over', () => {
    const clicks = keepEarlyClicks()
    const form = document.createElement('form')
    form.innerHTML = '<input name="id" value="claude-x"><button type="submit">Check</button>'
    document.body.append(form)
    const submit = form.querySelector('button')!
    const early = new MouseEvent('click', { bubbles: true, cancelable: true })
    submit.dispatchEvent(early)
    expect(early.defaultPrevented).toBe(true)

    const onSubmit = vi.fn((event: Event) => event.preventDefault())
    form.addEventListener('submit', onSubmit)
    clicks.replay()
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })
})
