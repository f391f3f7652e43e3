import { useQuery } from '@tanstack/react-query'
import { useEffect, useId } from 'react'
import { Callout } from '../../../components/ui/callout'
import { Button, FOCUS_RING } from '../../../components/ui/button'
import { SearchField } from '../../../components/ui/search-field'
import { SortableHeader } from '../../../components/ui/sortable-header'
import {
  type AvailabilitySort,
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
import { FiltersDisclosure } from '../../../components/filters-disclosure'
import { AvailabilityCardList, type AvailabilityRowProps } from './availability-card-list'
import { AvailabilityStatusBadge } from './availability-status'
import { openUnlessOnControl } from '../../../lib/open-unless-on-control'
import { CopyButton } from '../../../components/ui/copy-button'
import { OperatorDetails } from '../../../components/ui/details'
import { ExportLinks } from '../../../components/export-links'
import { useAnnounceResults } from '../../../hooks/use-announce-results'
import { availabilityExportUrl } from '../api/export-availability'

/** The next sort when a header is clicked: ascending, then descending, then the default order. */
function nextSort(current: AvailabilitySort, field: string): AvailabilitySort | null {
  if (current === field) return `-${field}` as AvailabilitySort
  if (current === `-${field}`) return null
  return field as AvailabilitySort
}

function sortedState(current: AvailabilitySort, field: string): false | 'asc' | 'desc' {
  return current === field ? 'asc' : current === `-${field}` ? 'desc' : false
}

const MESSAGE_BOX =
  'rounded-lg border border-zinc-200 bg-white px-3 py-6 text-sm break-words dark:border-zinc-800 dark:bg-zinc-900'

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
      <FiltersDisclosure
        activeCount={params.differs ? 1 : 0}
        search={
          <SearchField
            label="Filter models by id or name"
            placeholder="Filter by id or name"
            value={params.q}
            onChange={(next) => void params.setFilter(next)}
            maxLength={MAX_QUERY_LENGTH}
          />
        }
      >
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
      </FiltersDisclosure>

      {workspaces.map((workspace) => (
        <WorkspaceProblem key={workspace.name} workspace={workspace} onRetry={() => void query.refetch()} />
      ))}

      {failed ? (
        <ErrorCallout error={query.error} failedAt={query.errorUpdatedAt} onRetry={() => void query.refetch()} />
      ) : page === undefined ? (
        <p role="status" className={`${MESSAGE_BOX} text-zinc-600 dark:text-zinc-400`}>
          Loading availability…
        </p>
      ) : page.data.length === 0 ? (
        // Once, for the table and the cards alike.
        <p role="status" className={`${MESSAGE_BOX} text-zinc-700 dark:text-zinc-300`}>
          {params.differs || params.q
            ? 'No model matches. Clear the filter or show every model.'
            : 'No workspace has any models to show.'}
        </p>
      ) : (
        <>
          <div className="hidden overflow-x-auto rounded-lg border border-zinc-200 bg-white sm:block dark:border-zinc-800 dark:bg-zinc-900">
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
                {page.data.map((row) => (
                  <AvailabilityTableRow
                    key={row.id}
                    row={row}
                    workspaces={workspaces}
                    now={now}
                    onOpenModel={onOpenModel}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <AvailabilityCardList
            rows={page.data}
            workspaces={workspaces}
            isBusy={query.isFetching}
            now={now}
            onOpenModel={onOpenModel}
          />
        </>
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

function AvailabilityTableRow({ row, workspaces, now, onOpenModel }: AvailabilityRowProps) {
  return (
    <tr
      className="h-10 cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
      // A click anywhere in the row opens the model, as in the models table; the name is the keyboard's way.
      onClick={(event) => openUnlessOnControl(event, () => onOpenModel(row.id))}
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
            <AvailabilityStatusBadge status={status} workspace={workspace} />
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
