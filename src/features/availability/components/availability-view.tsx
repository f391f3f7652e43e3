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
import { CopyButton } from '../../../components/ui/copy-button'
import { OperatorDetails } from '../../../components/ui/details'
import { ExportLinks } from '../../../components/export-links'
import { useAnnounceResults } from '../../../hooks/use-announce-results'
import { availabilityExportUrl } from '../api/export-availability'

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
  /** Opens a model in the dialog (its record in the workspace the page shows). */
  onOpenModel: (id: string) => void
}

/**
 * The Availability view: one row per model, one column per workspace, each
 * cell saying whether the model is available, deprecated, retired or absent
 * there. A workspace whose catalogue cannot be read shows its error and
 * "Unknown" cells; the other columns are unaffected. Loaded lazily.
 */
export function AvailabilityView({ now, onOpenModel }: AvailabilityViewProps) {
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
  const failed = query.error !== null && !staleCursor && !query.isFetching
  useAnnounceResults(
    JSON.stringify([params.query.q, sort, params.differs]),
    page && !query.isPlaceholderData && !query.isFetching ? describeAvailability(sort, page.total) : null,
  )
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
        <div className="flex flex-wrap gap-2">
          <CopyButton
            label="Copy link"
            visibleLabel="Copy link"
            text={params.shareableLink}
            copiedMessage="Link to this view copied"
            disabled={failed}
          />
          <ExportLinks urlOf={(format) => availabilityExportUrl(params.query, format)} disabled={failed} />
        </div>
      </div>

      {workspaces.map((workspace) => (
        <WorkspaceProblem key={workspace.name} workspace={workspace} onRetry={() => void query.refetch()} />
      ))}

      {failed ? (
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
                  <AvailabilityTableRow
                    key={row.id}
                    row={row}
                    workspaces={workspaces}
                    now={now}
                    onOpenModel={onOpenModel}
                  />
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
  onOpenModel,
}: {
  row: AvailabilityRow
  workspaces: readonly AvailabilityWorkspace[]
  now: number
  onOpenModel: (id: string) => void
}) {
  return (
    <tr
      className="h-10 cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
      // A click anywhere in the row opens the model, as in the models table; the name is the keyboard's way.
      onClick={(event) => {
        if (!(event.target as Element).closest('button, a, [tabindex]')) onOpenModel(row.id)
      }}
    >
      <td className="px-2 py-1.5 first:pl-3 sm:px-3">
        <button
          type="button"
          data-model-button={row.id}
          onClick={() => onOpenModel(row.id)}
          className={`rounded-sm text-left font-medium break-words text-zinc-900 underline-offset-2 hover:underline dark:text-zinc-100 ${FOCUS_RING}`}
        >
          {row.display_name}
        </button>
        <div className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{row.id}</div>
      </td>
      <td className="px-2 whitespace-nowrap sm:px-3">
        <ReleaseDate iso={row.created_at} now={now} showRelative={false} />
      </td>
      {workspaces.map((workspace) => {
        const status = row.status[workspace.name]
        return (
          <td key={workspace.name} className="px-2 whitespace-nowrap sm:px-3" data-status={status ?? 'unknown'}>
            {status ? <StatusBadge status={status} /> : <UnknownStatus workspace={workspace} />}
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
        <p>{workspace.error.message}</p>
        <OperatorDetails hint={workspace.error.operator_hint} />
      </Callout>
    )
  }
  return (
    <Callout
      tone="warning"
      role="status"
      title={`Workspace ${workspace.name}: showing its catalogue from ${formatDateTimeUtc(workspace.fetched_at)}; the latest refresh failed.`}
    >
      <p>{workspace.error.message}</p>
      <OperatorDetails hint={workspace.error.operator_hint} />
    </Callout>
  )
}

/**
 * A workspace whose catalogue could not be read: "Unknown", and why, on hover or keyboard focus. The reason
 * is the cell's accessible description, so a screen reader says it too; `title` alone reaches neither.
 */
function UnknownStatus({ workspace }: { workspace: AvailabilityWorkspace }) {
  const reasonId = useId()
  const reason = workspace.error?.message ?? "This workspace's catalogue could not be read."
  return (
    <span
      tabIndex={0}
      aria-describedby={reasonId}
      className={`group relative inline-flex items-center gap-1 rounded border border-dashed border-zinc-400 px-1.5 py-px text-xs font-medium text-zinc-700 italic dark:border-zinc-500 dark:text-zinc-300 ${FOCUS_RING}`}
    >
      <UnknownIcon className="size-3.5" />
      Unknown
      <span
        id={reasonId}
        role="tooltip"
        className="absolute top-full left-0 z-10 mt-1 hidden w-64 rounded-md border border-zinc-200 bg-white p-2 text-xs font-normal whitespace-normal text-zinc-800 not-italic shadow-lg group-hover:block group-focus:block dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {`Workspace ${workspace.name}: ${reason}`}
      </span>
    </span>
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

/** What a screen reader hears once a sort or filter has its results. */
function describeAvailability(sort: AvailabilitySort, total: number): string {
  const descending = sort.startsWith('-')
  const field = descending ? sort.slice(1) : sort
  const by = field.startsWith('status:')
    ? `status in ${field.slice('status:'.length)}, ${descending ? 'absent first' : 'available first'}`
    : field === 'created_at'
      ? `Released, ${descending ? 'newest' : 'oldest'} first`
      : `${field === 'id' ? 'Model' : 'Name'}, ${descending ? 'Z to A' : 'A to Z'}`
  const count = total === 0 ? 'No models match.' : total === 1 ? '1 model.' : `${total} models.`
  return `Sorted by ${by}. ${count}`
}
