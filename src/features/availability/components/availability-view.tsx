import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useId } from 'react'
import { Callout } from '../../../components/ui/callout'
import { AbsentIcon, ArchiveIcon, CheckIcon, ClockIcon, UnknownIcon } from '../../../components/ui/icons'
import { Button, FOCUS_RING } from '../../../components/ui/button'
import { SearchField } from '../../../components/ui/search-field'
import { SortableHeader } from '../../../components/ui/sortable-header'
import {
  type AvailabilityRow,
  type AvailabilitySort,
  type AvailabilityStatus,
  type AvailabilityWorkspace,
  DEFAULT_AVAILABILITY_SORT,
} from '../../../contract/availability'
import { MAX_QUERY_LENGTH } from '../../../contract/list-params'
import { isStaleCursorError } from '../../../lib/api-request'
import { availabilityQueryOptions } from '../api/get-availability'
import { formatDateTimeUtc } from '../../../lib/format-time'
import { useAvailabilitySearchParams } from '../hooks/use-availability-search-params'
import { DataTablePagination } from '../../../components/data-table-pagination'
import { ErrorCallout } from '../../../components/error-callout'
import { ReleaseDate } from '../../../components/release-date'

const STATUS_TEXT: Record<AvailabilityStatus, string> = {
  available: 'Available',
  deprecated: 'Deprecated',
  retired: 'Retired',
  absent: 'Absent',
}
// Each state has its own icon and word, so none is told apart by colour alone.
const STATUS_ICON: Record<AvailabilityStatus, (props: { className?: string }) => ReactNode> = {
  available: CheckIcon,
  deprecated: ClockIcon,
  retired: ArchiveIcon,
  absent: AbsentIcon,
}
const STATUS_TONE: Record<AvailabilityStatus, string> = {
  available: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  deprecated: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100',
  retired: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  absent: 'text-zinc-600 dark:text-zinc-400',
}

/** The next sort when a header is clicked: ascending, then descending, then the default order. */
function nextSort(current: AvailabilitySort, field: string): AvailabilitySort | null {
  if (current === field) return `-${field}` as AvailabilitySort
  if (current === `-${field}`) return null
  return field as AvailabilitySort
}

function sortedState(current: AvailabilitySort, field: string): false | 'asc' | 'desc' {
  return current === field ? 'asc' : current === `-${field}` ? 'desc' : false
}

export interface AvailabilityViewProps {
  now: number
}

/**
 * The Availability view: one row per model, one column per workspace, each
 * cell saying whether the model is available, deprecated, retired or absent
 * there. A workspace whose catalogue cannot be read shows its error and
 * "Unknown" cells; the other columns are unaffected. Loaded lazily.
 */
export function AvailabilityView({ now }: AvailabilityViewProps) {
  const params = useAvailabilitySearchParams()
  const query = useQuery(availabilityQueryOptions(params.query))
  const page = query.data
  const sort = params.sort ?? DEFAULT_AVAILABILITY_SORT
  const differsId = useId()
  const staleCursor = isStaleCursorError(query.error)
  const { goToFirstPageInstead } = params

  // A link to a page whose cursor is gone from the view (the catalogue changed): show the first page.
  useEffect(() => {
    if (staleCursor) void goToFirstPageInstead()
  }, [staleCursor, goToFirstPageInstead])

  const toggle = (field: string) => void params.setSort(nextSort(sort, field))
  const workspaces = page?.workspaces ?? []
  return (
    <section aria-label="Availability by workspace" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SearchField
          label="Filter models by id or name"
          placeholder="Filter by id or name"
          value={params.q}
          onChange={(next) => void params.setFilter(next)}
          maxLength={MAX_QUERY_LENGTH}
        />
        <div className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input
            id={differsId}
            type="checkbox"
            checked={params.differs}
            onChange={(event) => void params.setDiffers(event.target.checked)}
            className={`size-4 rounded ${FOCUS_RING}`}
          />
          <label htmlFor={differsId}>Only models that differ between workspaces</label>
        </div>
      </div>

      {workspaces.map((workspace) => (
        <WorkspaceProblem key={workspace.name} workspace={workspace} onRetry={() => void query.refetch()} />
      ))}

      {query.error && !staleCursor && !query.isFetching ? (
        <ErrorCallout error={query.error} failedAt={query.errorUpdatedAt} onRetry={() => void query.refetch()} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table
            aria-label="Availability"
            aria-busy={query.isFetching}
            className="w-full min-w-[36rem] border-collapse text-sm"
          >
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
              <tr>
                <SortableHeader label="Model" sorted={sortedState(sort, 'id')} onToggle={() => toggle('id')} />
                <SortableHeader
                  label="Released"
                  sorted={sortedState(sort, 'created_at')}
                  onToggle={() => toggle('created_at')}
                />
                {workspaces.map((workspace) => (
                  <SortableHeader
                    key={workspace.name}
                    label={workspace.name}
                    sorted={sortedState(sort, `status:${workspace.name}`)}
                    onToggle={() => toggle(`status:${workspace.name}`)}
                  />
                ))}
              </tr>
            </thead>
            <tbody
              className={`divide-y divide-zinc-100 dark:divide-zinc-800 ${query.isPlaceholderData ? 'opacity-60' : ''}`}
            >
              {page === undefined ? (
                <tr>
                  <td colSpan={2} role="status" className="px-3 py-6 text-zinc-600 dark:text-zinc-400">
                    Loading availability…
                  </td>
                </tr>
              ) : page.data.length === 0 ? (
                <tr>
                  <td
                    colSpan={2 + workspaces.length}
                    role="status"
                    className="px-3 py-6 text-zinc-700 dark:text-zinc-300"
                  >
                    {params.differs || params.q
                      ? 'No model matches. Clear the filter or show every model.'
                      : 'No workspace has any models to show.'}
                  </td>
                </tr>
              ) : (
                page.data.map((row) => (
                  <AvailabilityTableRow key={row.id} row={row} workspaces={workspaces} now={now} />
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      <DataTablePagination
        page={page}
        canGoPrevious={page !== undefined && page.offset > 0}
        canGoNext={page !== undefined && page.offset + page.data.length < page.total}
        onPrevious={() => page?.first_id && void params.goToPage({ before_id: page.first_id })}
        onNext={() => page?.last_id && void params.goToPage({ after_id: page.last_id })}
      />
    </section>
  )
}

function AvailabilityTableRow({
  row,
  workspaces,
  now,
}: {
  row: AvailabilityRow
  workspaces: readonly AvailabilityWorkspace[]
  now: number
}) {
  return (
    <tr className="h-10">
      <td className="px-2 py-1.5 first:pl-3 sm:px-3">
        <div className="font-medium break-words text-zinc-900 dark:text-zinc-100">{row.display_name}</div>
        <div className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{row.id}</div>
      </td>
      <td className="px-2 whitespace-nowrap sm:px-3">
        <ReleaseDate iso={row.created_at} now={now} showRelative={false} />
      </td>
      {workspaces.map((workspace) => {
        const status = row.status[workspace.name]
        return (
          <td key={workspace.name} className="px-2 whitespace-nowrap sm:px-3" data-status={status ?? 'unknown'}>
            {status ? (
              <StatusBadge status={status} />
            ) : (
              <span
                className="inline-flex items-center gap-1 rounded border border-dashed border-zinc-400 px-1.5 py-px text-xs font-medium text-zinc-700 italic dark:border-zinc-500 dark:text-zinc-300"
                title="This workspace's catalogue could not be read"
              >
                <UnknownIcon className="size-3.5" />
                Unknown
              </span>
            )}
          </td>
        )
      })}
    </tr>
  )
}

/** A workspace without a catalogue (its column is unknown), or one shown from an older snapshot. */
function WorkspaceProblem({ workspace, onRetry }: { workspace: AvailabilityWorkspace; onRetry: () => void }) {
  if (!workspace.error) return null
  if (workspace.fetched_at === null) {
    return (
      <Callout
        tone="error"
        role="alert"
        title={`Workspace ${workspace.name}: its catalogue could not be read, so its column is unknown.`}
        actions={
          <Button variant="default" onClick={onRetry}>
            Retry
          </Button>
        }
      >
        {workspace.error.message}
      </Callout>
    )
  }
  return (
    <Callout
      tone="warning"
      role="status"
      title={`Workspace ${workspace.name}: showing its catalogue from ${formatDateTimeUtc(workspace.fetched_at)}; the latest refresh failed.`}
    >
      {workspace.error.message}
    </Callout>
  )
}

function StatusBadge({ status }: { status: AvailabilityStatus }) {
  const Icon = STATUS_ICON[status]
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-px text-xs font-medium ${STATUS_TONE[status]}`}>
      <Icon className="size-3.5" />
      {STATUS_TEXT[status]}
    </span>
  )
}
