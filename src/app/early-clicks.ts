/**
 * Clicks on the server-rendered page's buttons before React listens, kept to be made again once the page is taken
 * over.
 *
 * A shared link to a view with a lazily loaded part (Changes, Availability, a model's dialog) is taken over only
 * once that part's code has arrived: a tap on one of its buttons meanwhile reaches no handler, and would be lost.
 * Links and fields need none of this: a link navigates by itself, and a field keeps its change for
 * replay-early-input.ts. A form's submit button (or Enter in its field, which clicks it) is kept the same way.
 */
export function keepEarlyClicks(target: Document = document): { stopKeeping(): void; replay(): void } {
  const kept: HTMLButtonElement[] = []
  const keep = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null
    if (!button || button.disabled) return
    // A form would be sent to the server as a page load, leaving the page and its input behind: the form's own
    // handler sends it once the click is made again.
    if (button.type === 'submit' && button.form) event.preventDefault()
    kept.push(button)
  }
  target.addEventListener('click', keep, true)
  const stopKeeping = () => target.removeEventListener('click', keep, true)
  return {
    // From the moment React listens: a click then is React's own to answer.
    stopKeeping,
    replay() {
      stopKeeping()
      // A button the take-over drew again is another element: its click had no handler to reach, and is dropped.
      for (const button of kept.splice(0)) if (button.isConnected && !button.disabled) button.click()
    },
  }
}
