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
    // On a phone the controls have a row of their own, right-aligned: the workspace chooser and the signed-in
    // user arrive after the page is drawn, and grow the row leftwards instead of pushing the page down.
    <header className="flex flex-col gap-y-2 sm:flex-row sm:flex-wrap sm:items-end sm:justify-between sm:gap-x-4">
      <div>
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Model catalogue</h1>
        {/* Left out on a phone, where the room goes to the first rows; the title and the workspace say enough. */}
        <p className="hidden text-sm text-zinc-600 sm:block dark:text-zinc-400">
          {workspace === null
            ? "The Anthropic models this server's API key can use."
            : `The Anthropic models the key of workspace ${workspace} can use.`}
        </p>
      </div>
      <div className="flex flex-wrap items-center justify-end gap-x-2 gap-y-2 sm:gap-x-3">
        <SignedInUser />
        {workspaceSelect}
        {fetchedAt && <CatalogueAge fetchedAt={fetchedAt} />}
        {/* Not `disabled` while refreshing: a disabled button would drop keyboard focus. */}
        <Button onClick={() => !isRefreshing && onRefresh()} aria-disabled={isRefreshing || undefined}>
          <RefreshIcon className={`size-4 ${isRefreshing ? 'animate-spin' : ''}`} />
          <span className="sr-only sm:not-sr-only">Refresh</span>
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
