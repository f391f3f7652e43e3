import { FOCUS_RING } from '../../../components/ui/button'
import type { Tab } from '../hooks/use-models-search-params'

const LABELS: Record<Tab, string> = { models: 'Models', changes: 'Changes' }

/** The dashboard's two views; each is its own address (`?view=changes`), so Back returns to the other. */
export function ViewTabs({ tab, onChange }: { tab: Tab; onChange: (tab: Tab) => void }) {
  return (
    <nav aria-label="Views" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {(Object.keys(LABELS) as Tab[]).map((each) => (
        <a
          key={each}
          href={each === 'models' ? '?' : `?view=${each}`}
          aria-current={each === tab ? 'page' : undefined}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
            event.preventDefault()
            onChange(each)
          }}
          className={`-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${each === tab ? 'border-zinc-900 text-zinc-900 dark:border-zinc-100 dark:text-zinc-50' : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'} ${FOCUS_RING}`}
        >
          {LABELS[each]}
        </a>
      ))}
    </nav>
  )
}
