/**
 * What a person did to the server-rendered page's fields before its script took the page over, done again as the
 * events the dashboard listens to.
 *
 * Taking a page over, React leaves each field as the person left it but keeps the server's value in its state, and
 * sends no change: a box unchecked early stays unchecked on screen while its filter still applies, and a search
 * typed early shows in its box but filters nothing. Each field whose state differs from what the server rendered
 * (its default) is set back to that default through React's own setter, so React knows it, then changed to what
 * the person chose by the event a person's change sends.
 */
export function replayEarlyInput(container: ParentNode): void {
  // Every field is read before any is replayed: each replay renders again, and a render puts React's value back
  // into the controlled fields not replayed yet.
  const replays = [
    ...[...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')].map(earlyCheck),
    ...[...container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_FIELDS)].map(earlyText),
    ...[...container.querySelectorAll('select')].map(earlyChoice),
  ]
  for (const replay of replays) replay?.()
}

const TEXT_FIELDS =
  'textarea, input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"], [type="file"], [type="hidden"])'

type Replay = (() => void) | null

function earlyCheck(field: HTMLInputElement): Replay {
  const chosen = field.checked
  // A radio button left unchecked was changed by its group's checked one, which replays the choice.
  if (chosen === field.defaultChecked || (field.type === 'radio' && !chosen)) return null
  return () => {
    field.checked = !chosen
    // A click is what React turns into a box's change, and it turns the box to the person's choice.
    field.click()
  }
}

function earlyText(field: HTMLInputElement | HTMLTextAreaElement): Replay {
  const typed = field.value
  const rendered = field.defaultValue
  if (typed === rendered) return null
  field.value = rendered
  const held = field.value
  field.value = typed
  // A default the field cannot hold (a date field sanitises one that is no date) was never on screen: not a change.
  if (held === typed) return null
  return () => {
    field.value = rendered
    // The prototype's setter, under React's own: the field shows the typed text while React still holds the
    // default, so the input event reads as the change it is.
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, typed)
    field.dispatchEvent(new Event('input', { bubbles: true }))
  }
}

function earlyChoice(field: HTMLSelectElement): Replay {
  const options = [...field.options]
  const rendered = options.find((option) => option.defaultSelected) ?? options[0]
  const chosen = field.value
  if (field.selectedOptions[0] === rendered) return null
  return () => {
    field.value = chosen
    // A select's change is read from its value alone: the event is enough.
    field.dispatchEvent(new Event('change', { bubbles: true }))
  }
}
