import type { ReactNode } from 'react'
import { Button } from '../../../components/ui/button'
import { RefreshIcon } from '../../../components/ui/icons'
import { SignedInUser } from '../../auth/components/signed-in-user'
import { formatAge, formatDateTimeUtc } from '../../../lib/format-time'
import { useNow } from '../../../hooks/use-now'

export interface CatalogueHeaderProps {
  /** When the catalogue snapshot on screen was taken. */
  fetchedAt: string | null
  onRefresh: () => void
  isRefreshing: boolean
  /** The workspace chooser, when the server has several. */
  workspaceSelect?: ReactNode
  /** The workspace shown, when it is not the server's default one. */
  workspace?: string | null
}

/** The page title, the age of the catalogue and a Refresh button. */
export function CatalogueHeader({
  fetchedAt,
  onRefresh,
  isRefreshing,
  workspaceSelect,
  workspace = null,
}: CatalogueHeaderProps) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
      <div>
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Model catalogue</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {workspace === null
            ? "The Anthropic models this server's API key can use."
            : `The Anthropic models the key of workspace ${workspace} can use.`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SignedInUser />
        {workspaceSelect}
        {fetchedAt && <CatalogueAge fetchedAt={fetchedAt} />}
        {/* Not `disabled` while refreshing: a disabled button would drop keyboard focus. */}
        <Button onClick={() => !isRefreshing && onRefresh()} aria-disabled={isRefreshing || undefined}>
          <RefreshIcon className={`size-4 ${isRefreshing ? 'animate-spin' : ''}`} />
          Refresh
        </Button>
      </div>
    </header>
  )
}

function CatalogueAge({ fetchedAt }: { fetchedAt: string }) {
  const now = useNow(1000)
  return (
    // As wide as its longest text ("Updated 59 min ago"): the age ticks every second, and the buttons beside it stay put.
    <p
      className="min-w-[18ch] text-right text-sm text-zinc-600 tabular-nums dark:text-zinc-400"
      title={`Catalogue read ${formatDateTimeUtc(fetchedAt)}`}
    >
      Updated {formatAge(now - Date.parse(fetchedAt))} ago
    </p>
  )
}
