import { FOCUS_RING } from '../../../components/ui/button'
import type { Tab } from '../hooks/use-models-search-params'

const LABELS: Record<Tab, string> = { models: 'Models', changes: 'Changes', availability: 'Availability' }

export interface ViewTabsProps {
  tab: Tab
  /** The views this server has (availability needs more than one workspace), in order. */
  tabs: readonly Tab[]
  /** The workspace shown (null for the default), which each tab's link keeps. */
  workspace: string | null
  onChange: (tab: Tab) => void
}

/** A tab's own address, so it opens in a new browser tab too. */
function hrefOf(tab: Tab, workspace: string | null): string {
  const search = new URLSearchParams()
  if (tab !== 'models') search.set('view', tab)
  if (workspace !== null) search.set('ws', workspace)
  return `?${search.toString()}`
}

/** The dashboard's views; each is its own address (`?view=changes`), so Back returns to the other. */
export function ViewTabs({ tab, tabs, workspace, onChange }: ViewTabsProps) {
  return (
    <nav aria-label="Views" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((each) => (
        <a
          key={each}
          href={hrefOf(each, workspace)}
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
