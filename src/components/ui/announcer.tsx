import { useSyncExternalStore } from 'react'

// One polite live region for the whole page, so small confirmations ("Copied")
// reach screen readers without a live region per button.
let message = ''
const listeners = new Set<() => void>()

export function announce(text: string): void {
  // Clearing first makes the same text be announced again.
  message = ''
  listeners.forEach((listener) => listener())
  queueMicrotask(() => {
    message = text
    listeners.forEach((listener) => listener())
  })
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function Announcer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => '',
  )
  return (
    <div role="status" aria-live="polite" className="sr-only">
      {text}
    </div>
  )
}
