import {
  type UseInfiniteQueryResult,
  type InfiniteData,
  useInfiniteQuery,
  useQuery,
  type UseQueryResult,
} from '@tanstack/react-query'
import { useId } from 'react'
import { Button, FOCUS_RING } from '../../../components/ui/button'
import { CheckboxGroup } from '../../../components/ui/checkbox-group'
import { FIELD } from '../../../components/ui/field'
import { CHANGE_KINDS, type ChangeKind } from '../../../contract/change-kinds'
import type { Change, ChangesPage, SeenModel } from '../../../contract/history'
import { ApiError, inWorkspace } from '../../../lib/api-request'
import { MAX_QUERY_LENGTH } from '../../../contract/list-params'
import { changesQueryOptions } from '../api/get-changes'
import { type SeenModels, seenQueryOptions } from '../api/get-seen'
import { formatDate, formatDateTimeUtc } from '../../../lib/format-time'
import { useWorkspace } from '../../workspaces/hooks/use-workspace'
import { ErrorCallout } from '../../../components/error-callout'
import { Callout } from '../../../components/ui/callout'

const MAX_SEARCH_LENGTH = MAX_QUERY_LENGTH

/** What happened, in words; `before`/`after` are the upstream's text, shown as text. */
function describeChange(change: Change): string {
  switch (change.kind) {
    case 'added':
      return 'Added'
    case 'removed':
      return 'Removed'
    case 'display_name_changed':
      return `Renamed from “${change.before ?? ''}”`
    case 'lifecycle_changed':
      return `Lifecycle ${change.before ?? '?'} → ${change.after ?? '?'}`
  }
}

/**
 * The Changes view: every recorded change of the catalogue, newest first, in
 * cursor pages, and a search of the models that have left it ("gone since 3 Oct").
 * Loaded lazily: most visits never open it.
 */
export interface ChangesViewProps {
  /** The search of removed models, as typed (it lives in the URL as `gone`). */
  search: string
  onSearchChange: (search: string) => void
  /** The kinds of change listed (the URL's `kinds`); null for every kind. */
  kinds: readonly ChangeKind[] | null
  onKindsChange: (kinds: ChangeKind[]) => void
  /** The day (UTC) the view lists from, `2026-10-03` (the URL's `since`); null for the whole history. */
  since: string | null
  onSinceChange: (since: string | null) => void
  /** Opens a model in the dialog: a removed one says there what the history knows of it. */
  onOpenModel: (id: string) => void
}

const KIND_LABELS: Record<ChangeKind, string> = {
  added: 'Added',
  removed: 'Removed',
  display_name_changed: 'Renamed',
  lifecycle_changed: 'Lifecycle changed',
}

type SeenQuery = UseQueryResult<SeenModels>
type ChangesQuery = UseInfiniteQueryResult<InfiniteData<ChangesPage>>

/**
 * Why the view cannot be trusted, if it cannot: a request that failed, or an
 * answer that says the catalogue could not be read. Shown once, above both
 * lists, with one Retry; the lists then never claim that nothing happened.
 */
function failureOf(seen: SeenQuery, changes: ChangesQuery): { error: Error; failedAt: number } | null {
  for (const query of [changes, seen]) {
    if (query.error && !query.isFetching) return { error: query.error, failedAt: query.errorUpdatedAt }
  }
  const catalogueError = changes.data?.pages[0]?.catalogue_error ?? seen.data?.catalogue_error ?? null
  if (!catalogueError) return null
  return {
    error: new ApiError(
      502,
      catalogueError.type,
      catalogueError.message,
      null,
      null,
      catalogueError.operator_hint ?? null,
    ),
    failedAt: Math.max(changes.dataUpdatedAt, seen.dataUpdatedAt),
  }
}

export function ChangesView({
  search,
  onSearchChange,
  kinds,
  onKindsChange,
  since,
  onSinceChange,
  onOpenModel,
}: ChangesViewProps) {
  const workspace = useWorkspace()
  const seen = useQuery(seenQueryOptions(workspace, since))
  const changes = useInfiniteQuery(changesQueryOptions(workspace, kinds, since))
  const failure = failureOf(seen, changes)
  const retry = () => {
    void seen.refetch()
    void changes.refetch()
  }
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Follow these changes in a feed reader:{' '}
        <a
          href={`/feed.xml${feedSearch(workspace)}`}
          type="application/atom+xml"
          className={`font-medium underline underline-offset-2 ${FOCUS_RING}`}
        >
          Subscribe
        </a>{' '}
        (Atom)
      </p>
      <SinceField since={since} onSinceChange={onSinceChange} />
      {failure && <ErrorCallout error={failure.error} failedAt={failure.failedAt} onRetry={retry} />}
      {/* The changes first: on a phone their first row is in the first screen, whatever has left the catalogue. */}
      <ChangeList
        query={changes}
        failed={failure !== null}
        kinds={kinds}
        onKindsChange={onKindsChange}
        since={since}
        onOpenModel={onOpenModel}
      />
      <RemovedModels
        query={seen}
        failed={failure !== null}
        search={search}
        onSearchChange={onSearchChange}
        since={since}
        onOpenModel={onOpenModel}
      />
    </div>
  )
}

function feedSearch(workspace: string | null): string {
  const search = inWorkspace(workspace).toString()
  return search ? `?${search}` : ''
}

/** A list's words when its data failed, or came with no catalogue behind it: never an all-clear. */
const UNAVAILABLE = 'Cannot be listed until the problem above is resolved.'

function ChangeList({
  query,
  failed,
  kinds,
  onKindsChange,
  since,
  onOpenModel,
}: Pick<ChangesViewProps, 'kinds' | 'onKindsChange' | 'since' | 'onOpenModel'> & {
  query: ChangesQuery
  failed: boolean
}) {
  const headingId = useId()
  const changes = query.data?.pages.flatMap((page) => page.data) ?? []
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
        Changes to the catalogue
      </h2>
      <CheckboxGroup
        legend="Show"
        options={CHANGE_KINDS}
        labels={KIND_LABELS}
        value={kinds ?? CHANGE_KINDS}
        onChange={onKindsChange}
      />
      {query.data === undefined && !failed ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading changes…
        </p>
      ) : query.data === undefined || (changes.length === 0 && failed) ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{UNAVAILABLE}</p>
      ) : changes.length === 0 ? (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {since
            ? `No changes${kinds ? ' of these kinds' : ''} recorded since ${formatDate(`${since}T00:00:00Z`)}.`
            : kinds
              ? 'No changes of these kinds recorded yet.'
              : 'No changes recorded yet: the history compares each catalogue walk with the one before it.'}
        </p>
      ) : (
        <ol
          aria-label="Changes"
          className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
        >
          {changes.map((change) => (
            <li key={change.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-3 py-2">
              <time
                dateTime={change.at}
                title={formatDateTimeUtc(change.at)}
                className="w-24 shrink-0 text-zinc-600 tabular-nums dark:text-zinc-400"
              >
                {formatDate(change.at)}
              </time>
              <span className="w-40 shrink-0 font-medium text-zinc-700 dark:text-zinc-300">
                {describeChange(change)}
              </span>
              <OpenModelButton id={change.model_id} name={change.display_name} onOpenModel={onOpenModel} />
              <span className="min-w-0 font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                {change.model_id}
              </span>
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} aria-disabled={query.isFetchingNextPage || undefined}>
          {query.isFetchingNextPage ? 'Loading older changes…' : 'Show older changes'}
        </Button>
      )}
    </section>
  )
}

/** The list's order: the latest removal first, then by id (the server pages by id). */
function latestRemovedFirst(a: SeenModel, b: SeenModel): number {
  return (b.removed_at ?? '').localeCompare(a.removed_at ?? '') || (a.model_id < b.model_id ? -1 : 1)
}

function matches(model: SeenModel, terms: readonly string[]): boolean {
  const text = `${model.model_id}\n${model.display_name}`.toLowerCase()
  return terms.every((term) => text.includes(term))
}

function RemovedModels({
  query,
  failed,
  search,
  onSearchChange,
  since,
  onOpenModel,
}: Pick<ChangesViewProps, 'search' | 'onSearchChange' | 'since' | 'onOpenModel'> & {
  query: SeenQuery
  failed: boolean
}) {
  const headingId = useId()
  const inputId = useId()
  const { data } = query
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean)
  const removed = (data?.data ?? []).filter((model) => model.removed_at !== null).sort(latestRemovedFirst)
  const found = removed.filter((model) => matches(model, terms))
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
        Removed models
      </h2>
      <div role="search">
        <label htmlFor={inputId} className="mb-1 block text-sm text-zinc-600 dark:text-zinc-400">
          Search removed models
        </label>
        <input
          id={inputId}
          type="search"
          value={search}
          maxLength={MAX_SEARCH_LENGTH}
          onChange={(event) => onSearchChange(event.target.value)}
          placeholder="Id or name of a model that is gone"
          autoComplete="off"
          spellCheck={false}
          className={`${FIELD} w-full max-w-md px-2 placeholder:text-zinc-400 ${FOCUS_RING}`}
        />
      </div>
      {data === undefined && !failed ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading removed models…
        </p>
      ) : data === undefined || (failed && removed.length === 0) ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{UNAVAILABLE}</p>
      ) : (
        <>
          <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            {removed.length === 0
              ? since
                ? `No model has left the catalogue since ${formatDate(`${since}T00:00:00Z`)}.`
                : 'No model has left the catalogue since the history began.'
              : terms.length > 0 && found.length === 0
                ? `No removed model matches “${search.trim()}”.`
                : `${found.length} of ${removed.length} removed models`}
          </p>
          {data.truncated && (
            <Callout
              tone="warning"
              role="status"
              title={`Only the first ${data.data.length.toLocaleString('en')} models that came or went were searched`}
            >
              More models than that came or went{' '}
              {since ? `since ${formatDate(`${since}T00:00:00Z`)}` : 'since the history began'}; those loaded are the
              first by id. Pick a later “Changes since” day to search fewer; the changes above list every removal.
            </Callout>
          )}
          {found.length > 0 && (
            <ul aria-label="Removed models" className="space-y-1 text-sm">
              {found.map((model) => (
                <li key={model.model_id} className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-mono text-xs break-all text-zinc-700 dark:text-zinc-300">{model.model_id}</span>
                  <OpenModelButton id={model.model_id} name={model.display_name} onOpenModel={onOpenModel} />
                  <span className="text-zinc-600 dark:text-zinc-400">
                    gone since{' '}
                    <time dateTime={model.removed_at!} title={formatDateTimeUtc(model.removed_at!)}>
                      {formatDate(model.removed_at!)}
                    </time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

/** A change's model, opened in the dialog (a removed one says there when it left, and what else is known). */
function OpenModelButton({ id, name, onOpenModel }: { id: string; name: string; onOpenModel: (id: string) => void }) {
  return (
    <button
      type="button"
      data-model-button={id}
      onClick={() => onOpenModel(id)}
      className={`min-w-0 rounded-sm text-left font-medium break-words text-zinc-900 underline-offset-2 hover:underline dark:text-zinc-100 ${FOCUS_RING}`}
    >
      {name}
    </button>
  )
}

/** The first day listed (UTC), as a date field; the whole history when empty. */
function SinceField({ since, onSinceChange }: Pick<ChangesViewProps, 'since' | 'onSinceChange'>) {
  const inputId = useId()
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={inputId} className="mb-1 block text-sm text-zinc-600 dark:text-zinc-400">
          Changes since (UTC)
        </label>
        <input
          id={inputId}
          type="date"
          value={since ?? ''}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(event) => onSinceChange(event.target.value || null)}
          className={`${FIELD} px-2 ${FOCUS_RING}`}
        />
      </div>
      {since && <Button onClick={() => onSinceChange(null)}>Show the whole history</Button>}
    </div>
  )
}
