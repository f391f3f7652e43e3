import { FOCUS_RING } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import type { Model } from '../../../contract/model'
import { MAX_COMPARED } from '../hooks/compared-ids'

// The pieces a model's row and its card share, so both read and behave the same.

/** The display name as the button that opens the model; the dialog hands focus back to it (`data-model-button`). */
export function ModelNameButton({ model, onOpen, wrap }: { model: Model; onOpen: () => void; wrap: boolean }) {
  return (
    <button
      type="button"
      data-model-button={model.id}
      title={wrap ? undefined : model.display_name}
      onClick={onOpen}
      className={`block min-w-0 rounded-sm text-left font-medium underline-offset-2 hover:underline ${wrap ? 'break-words' : 'truncate'} ${model.lifecycle === 'retired' ? 'text-zinc-500 dark:text-zinc-400' : 'text-zinc-900 dark:text-zinc-100'} ${FOCUS_RING}`}
    >
      {model.display_name}
    </button>
  )
}

/** Copies the id; named with it, so a screen reader tells the buttons of a page apart. */
export function CopyModelIdButton({ id }: { id: string }) {
  return <CopyButton label={`Copy ID ${id}`} text={() => id} copiedMessage={`Copied ${id}`} />
}

/** Which models are chosen for comparison, and how to change that: the table's meta has both. */
export interface CompareChoice {
  compared: readonly string[]
  setCompared: (id: string, chosen: boolean) => void
}

/** Where model `id` stands in `choice`: chosen or not, and whether four others already are. */
export function compareStateOf(choice: CompareChoice | undefined, id: string) {
  return {
    chosen: choice?.compared.includes(id) ?? false,
    full: (choice?.compared.length ?? 0) >= MAX_COMPARED,
  }
}

export interface CompareBoxProps {
  id: string
  chosen: boolean
  /** Four models are chosen. */
  full: boolean
  setCompared: ((id: string, chosen: boolean) => void) | undefined
}

/** A row's or card's Compare box, named with its model; with four chosen, the others wait until one is unticked. */
export function CompareBox({ id, chosen, full, setCompared }: CompareBoxProps) {
  return (
    <input
      type="checkbox"
      aria-label={`Compare ${id}`}
      checked={chosen}
      disabled={full && !chosen}
      title={full && !chosen ? `At most ${MAX_COMPARED} models are compared at once` : undefined}
      onChange={(event) => setCompared?.(id, event.target.checked)}
      className={`mr-1 size-4 shrink-0 accent-zinc-900 dark:accent-zinc-100 ${FOCUS_RING}`}
    />
  )
}
