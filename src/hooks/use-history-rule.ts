import { useEffect } from 'react'

export type HistoryMode = 'push' | 'replace'

// Shared by every URL-state hook of the page: typing in one view's field ends when another view's state changes.
let typingIn: string | null = null

/** How to write a change: with the field's name while typing, without one for any other change. */
function historyFor(field?: string): HistoryMode {
  const mode = field !== undefined && typingIn === field ? 'replace' : 'push'
  typingIn = field ?? null
  return mode
}

/**
 * The one rule for how a change of URL state meets the browser's history, so that Back always returns to
 * the view before:
 * - a discrete change (a sort, a page, a toggle or tick, a choice from a list, a view, a model) pushes an entry;
 * - typing into a field pushes an entry at its first keystroke, and each keystroke after it replaces that
 *   entry, until anything else changes the view, or Back or Forward is used (the next typing then pushes);
 * - a correction the dashboard makes by itself (a page cursor the catalogue no longer has) replaces.
 */
export function useHistoryRule(): (field?: string) => HistoryMode {
  useEffect(() => {
    // A fresh page (and a history step) starts with no typing in progress.
    typingIn = null
    const stepped = () => {
      typingIn = null
    }
    window.addEventListener('popstate', stepped)
    return () => window.removeEventListener('popstate', stepped)
  }, [])
  return historyFor
}
