import { useEffect, useId } from 'react'
import { Dialog, DialogHeader } from '../../../components/ui/dialog'

const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: '/', does: 'Focus the filter' },
  { keys: 'n', does: 'Next page' },
  { keys: 'p', does: 'Previous page' },
  { keys: '?', does: 'Show this list' },
  { keys: 'Esc', does: 'Close a dialog' },
]

/** The list of keyboard shortcuts (`?`). Loaded lazily: most visits never open it. */
export function ShortcutsDialog({ openedFrom, onClose }: { openedFrom: Element | null; onClose: () => void }) {
  const headingId = useId()
  // Focus goes back where it was when the list was asked for (the page is no longer inert by then). The opener
  // is read by the caller: by the time this mounts, the inert page has already taken focus from it.
  useEffect(() => () => (openedFrom as HTMLElement | null)?.focus?.(), [openedFrom])

  return (
    <Dialog labelledBy={headingId} onClose={onClose}>
      <DialogHeader titleId={headingId} title="Keyboard shortcuts" onClose={onClose} />
      <div className="px-4 py-3">
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(({ keys, does }) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="inline-block min-w-7 rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-zinc-700 dark:text-zinc-300">{does}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          Shortcuts do nothing while you type in a field or while a dialog is open (except Esc).
        </p>
      </div>
    </Dialog>
  )
}
