import {
  createParser,
  createSerializer,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  readParams,
  type UrlValues,
} from '../../../lib/url-params'
import { useQueryStates } from '../../../hooks/use-query-states'
import { useMemo, useRef } from 'react'
import { CAPABILITY_PATHS, type CapabilityPath } from '../../../contract/capabilities'
import { MODEL_LINES } from '../../../contract/model-values'
import {
  DEFAULT_LIFECYCLES,
  DEFAULT_LIMIT,
  type Lifecycle,
  LIFECYCLES,
  MAX_CONTEXT,
  MAX_QUERY_LENGTH,
  LINE_PATTERN,
  LISTED_ID_PATTERN,
  MAX_RETIRING_WITHIN_DAYS,
  NO_LINE,
  SORT_VALUES,
  type SortValue,
} from '../../../contract/list-params'
import { WORKSPACE_NAME_PATTERN } from '../../../contract/workspace'
import { CHANGE_KINDS, type ChangeKind } from '../../../contract/change-kinds'
import type { ModelsView, PageCursor } from '../../../lib/query-keys'
import { useDebouncedValue } from '../../../hooks/use-debounced-value'
import { columnsParam, DEFAULT_COLUMNS, parseColumns, serializeColumns, type TableColumn } from './column-choice'
import { MAX_COMPARED, parseComparedIds, serializeComparedIds } from './compared-ids'
import { useHistoryRule } from '../../../hooks/use-history-rule'

export const PAGE_SIZES = [10, 20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** Typing waits this long before it asks the server. */
export const FILTER_DEBOUNCE_MS = 250

/** The lines the Line facet offers, and `none` for models without one. */
export const LINE_OPTIONS = [...MODEL_LINES, NO_LINE] as const
export type LineOption = (typeof LINE_OPTIONS)[number]

/** The facets, under the BFF's parameter names; null for no such filter. */
export interface Facets {
  /** The lines offered, then any other line a link named (kept, as the BFF takes any line). */
  line: string[] | null
  caps: CapabilityPath[] | null
  min_context: number | null
  retiring_within: number | null
}

/** The dashboard's views: the catalogue table, the history of changes, and availability across workspaces. */
export const TABS = ['models', 'changes', 'availability'] as const
export type Tab = (typeof TABS)[number]

/** A model id in the URL (a cursor, the open model): one the BFF would accept, or none. */
export const modelId = createParser({
  parse: (value: string) => (LISTED_ID_PATTERN.test(value) ? value : null),
  serialize: (value: string) => value,
})

/** A whole number from `min` to `max` in the URL, as the BFF takes it; anything else reads as none. */
function wholeNumber(min: number, max: number) {
  return createParser({
    parse: (value: string) => {
      const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN
      return number >= min && number <= max ? number : null
    },
    serialize: (value: number) => String(value),
  })
}

const comparedIds = createParser({
  parse: parseComparedIds,
  serialize: serializeComparedIds,
  eq: (a: string[], b: string[]) => a.join() === b.join(),
})

/** `cols`: the columns shown, as changes to the default set (see column-choice.ts). */
const tableColumns = createParser({
  parse: parseColumns,
  serialize: serializeColumns,
  eq: (a: TableColumn[], b: TableColumn[]) => a.join() === b.join(),
})

/**
 * `line=opus,sonnet`: the lines offered and any other line in the BFF's form, which a newer catalogue may
 * have: a shared link keeps it rather than quietly losing it. A value the BFF would refuse is dropped.
 */
const lines = createParser({
  parse: (value: string) => {
    const items = value.split(',').filter((item) => LINE_PATTERN.test(item))
    return items.length > 0 ? items : null
  },
  serialize: (items: string[]) => items.join(','),
  eq: (a: string[], b: string[]) => a.join() === b.join(),
})

/** `since=2026-10-03`: a real calendar day, as the BFF's `since` takes it; anything else reads as none. */
const day = createParser({
  parse: (value: string) => {
    const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN
    // 2026-02-30 parses as 2 March: only a day that reads back the same is one.
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value) ? value : null
  },
  serialize: (value: string) => value,
})

const workspaceName = createParser({
  parse: (value: string) => (WORKSPACE_NAME_PATTERN.test(value) ? value : null),
  serialize: (value: string) => value,
})

/** A comma list of known values (unknown ones dropped), e.g. `lifecycle=active,retired`. */
function listOf<T extends string>(known: readonly T[]) {
  return createParser({
    parse: (value: string) => {
      const items = value.split(',').filter((item): item is T => (known as readonly string[]).includes(item))
      return items.length > 0 ? items : null
    },
    serialize: (items: T[]) => items.join(','),
    eq: (a: T[], b: T[]) => a.join() === b.join(),
  })
}

// Only values the BFF accepts get into state: anything else in a URL reads as the default.
const searchParams = {
  q: parseAsString.withDefault(''),
  sort: parseAsStringLiteral(SORT_VALUES),
  limit: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_LIMIT as PageSize),
  after_id: modelId,
  before_id: modelId,
  model: modelId,
  lifecycle: listOf(LIFECYCLES),
  line: lines,
  caps: listOf(CAPABILITY_PATHS),
  min_context: wholeNumber(1, MAX_CONTEXT),
  retiring_within: wholeNumber(0, MAX_RETIRING_WITHIN_DAYS),
  cols: tableColumns,
  compare: comparedIds,
  view: parseAsStringLiteral(TABS).withDefault('models'),
  /** The Changes view's search of removed models. */
  gone: parseAsString.withDefault(''),
  /** The kinds of change the Changes view lists; every kind when absent. */
  kinds: listOf(CHANGE_KINDS),
  /** The Changes view lists only what happened from this day on (UTC); everything when absent. */
  since: day,
  /** The workspace shown; the server's default one when absent. */
  ws: workspaceName,
}
type Params = UrlValues<typeof searchParams>

/** The state a page URL's query string holds, read outside React, as the dashboard reads it. */
export const readModelsSearchParams = (search: string) => readParams(searchParams, search)

// The query string for a state, defaults left out.
const serialize = createSerializer(searchParams)

/** The stages in their canonical order without repeats; null for the default (what the URL leaves out). */
function canonicalStages(stages: readonly Lifecycle[] | null): Lifecycle[] | null {
  const set = new Set(stages ?? DEFAULT_LIFECYCLES)
  const ordered = LIFECYCLES.filter((stage) => set.has(stage))
  return ordered.length === 0 || ordered.join() === DEFAULT_LIFECYCLES.join() ? null : ordered
}

/**
 * The state as this dashboard would have written it: the filter and search cut to length, the stages and
 * columns in order, one cursor. A hand-made URL may say more; this is the view it shows.
 */
function canonical(params: Params): Params {
  return {
    ...params,
    q: params.q.slice(0, MAX_QUERY_LENGTH),
    // A link with both cursors is not one the dashboard makes; the forward one wins.
    before_id: params.after_id ? null : params.before_id,
    lifecycle: canonicalStages(params.lifecycle),
    line: linesInOrder(params.line),
    caps: inOrder(CAPABILITY_PATHS, params.caps),
    gone: params.gone.slice(0, MAX_QUERY_LENGTH),
    kinds: canonicalKinds(params.kinds),
  }
}

/** The chosen items in the order of `known`, without repeats; null for none. */
function inOrder<T extends string>(known: readonly T[], chosen: readonly T[] | null): T[] | null {
  const ordered = known.filter((item) => chosen?.includes(item))
  return ordered.length > 0 ? ordered : null
}

/** The lines offered in their order, then any others sorted; without repeats; null for none. */
function linesInOrder(chosen: readonly string[] | null): string[] | null {
  const offered: readonly string[] = LINE_OPTIONS
  const others = [...new Set(chosen?.filter((line) => !offered.includes(line)))].sort()
  const ordered = [...offered.filter((line) => chosen?.includes(line)), ...others]
  return ordered.length > 0 ? ordered : null
}

/** The kinds in their canonical order; null for every kind (what the URL leaves out). */
function canonicalKinds(kinds: readonly ChangeKind[] | null): ChangeKind[] | null {
  const ordered = CHANGE_KINDS.filter((kind) => kinds?.includes(kind))
  return ordered.length === 0 || ordered.length === CHANGE_KINDS.length ? null : ordered
}

/** A link to `params` on this page. */
function linkTo(params: Params): string {
  return serialize(`${window.location.origin}${window.location.pathname}`, canonical(params))
}

const NO_CURSOR = { after_id: null, before_id: null }
const NONE_COMPARED: readonly string[] = []

/** What the open model's dialog is to do on close. */
type OpenedModel =
  /** Opened by a link: close drops the model from the URL. */
  | null
  /** Opened on this page: the write of the model's history entry, which close steps back over. */
  | Promise<URLSearchParams>
  /** Close is already waiting for that write. */
  | 'closing'

/**
 * The dashboard's state, which is the URL: filter, lifecycle stages, sort, page
 * size, the current page's cursor, the open model, the optional columns and
 * which view (models or changes) is on screen. Defaults stay out of the URL. History follows one rule
 * (useHistoryRule): every discrete change pushes an entry; typing pushes at its first keystroke and then
 * replaces that entry, so Back returns to the view before the typing. The query key gets the debounced
 * filter, so a request goes out once typing pauses.
 */
export function useModelsSearchParams() {
  const [params, setParams] = useQueryStates(searchParams)
  const { q, lifecycle, cols, after_id: afterId, before_id: beforeId, gone, kinds, line, caps } = canonical(params)
  const debouncedQ = useDebouncedValue(q, FILTER_DEBOUNCE_MS)
  const opened = useRef<OpenedModel>(null)
  const historyFor = useHistoryRule()

  // Keys, not arrays, for the memos below: a new array each render is the same view.
  const lifecycleKey = lifecycle?.join() ?? ''
  const colsKey = cols?.join() ?? ''
  const lineKey = line?.join() ?? ''
  const capsKey = caps?.join() ?? ''
  const { min_context: minContext, retiring_within: retiringWithin } = params
  const view = useMemo<ModelsView>(
    () => ({
      q: debouncedQ.trim(),
      sort: params.sort,
      limit: params.limit,
      lifecycle: lifecycleKey ? (lifecycleKey.split(',') as Lifecycle[]) : null,
      line: lineKey ? lineKey.split(',') : null,
      caps: capsKey ? (capsKey.split(',') as CapabilityPath[]) : null,
      min_context: minContext,
      retiring_within: retiringWithin,
      workspace: params.ws,
    }),
    [debouncedQ, params.sort, params.limit, lifecycleKey, lineKey, capsKey, minContext, retiringWithin, params.ws],
  )
  const facets = useMemo<Facets>(
    () => ({
      line: lineKey ? lineKey.split(',') : null,
      caps: capsKey ? (capsKey.split(',') as CapabilityPath[]) : null,
      min_context: minContext,
      retiring_within: retiringWithin,
    }),
    [lineKey, capsKey, minContext, retiringWithin],
  )
  const columns = useMemo(() => (colsKey ? (colsKey.split(',') as TableColumn[]) : DEFAULT_COLUMNS), [colsKey])
  const cursor = useMemo<PageCursor>(
    () => (afterId ? { after_id: afterId } : beforeId ? { before_id: beforeId } : {}),
    [afterId, beforeId],
  )

  const actions = useMemo(
    () => ({
      /** Any change of filter, sort or page size starts again at the first page. */
      setFilter: (value: string) =>
        setParams({ q: value.slice(0, MAX_QUERY_LENGTH), ...NO_CURSOR }, { history: historyFor('q') }),
      setSort: (sort: SortValue | null) => setParams({ sort, ...NO_CURSOR }, { history: historyFor() }),
      setLimit: (limit: PageSize) => setParams({ limit, ...NO_CURSOR }, { history: historyFor() }),
      setLifecycle: (stages: readonly Lifecycle[]) =>
        setParams({ lifecycle: canonicalStages(stages), ...NO_CURSOR }, { history: historyFor() }),
      /** A facet changed: the list starts again at its first page. */
      setFacets: (next: Partial<Facets>) =>
        setParams(
          {
            ...next,
            ...('line' in next ? { line: linesInOrder(next.line ?? null) } : {}),
            ...('caps' in next ? { caps: inOrder(CAPABILITY_PATHS, next.caps ?? null) } : {}),
            ...NO_CURSOR,
          },
          { history: historyFor() },
        ),
      /** Back to the whole catalogue: no search, the default stages, no facet. */
      clearFilters: () =>
        setParams(
          { q: null, lifecycle: null, line: null, caps: null, min_context: null, retiring_within: null, ...NO_CURSOR },
          { history: historyFor() },
        ),
      /** The models compared side by side; none closes the comparison. */
      setCompared: (ids: readonly string[]) =>
        setParams(
          { compare: ids.length > 0 ? [...new Set(ids)].slice(0, MAX_COMPARED) : null, model: null },
          { history: historyFor() },
        ),
      setColumns: (columns: readonly TableColumn[]) =>
        setParams({ cols: columnsParam(columns) }, { history: historyFor() }),
      setTab: (tab: Tab) =>
        setParams(
          { view: tab === 'models' ? null : tab, gone: null, kinds: null, since: null },
          { history: historyFor() },
        ),
      setChangeKinds: (next: readonly ChangeKind[]) =>
        setParams({ kinds: canonicalKinds(next) }, { history: historyFor() }),
      /** Another workspace's catalogue, from its first page; null is the server's default workspace. */
      setWorkspace: (workspace: string | null) =>
        setParams({ ws: workspace, model: null, ...NO_CURSOR }, { history: historyFor() }),
      /** A date field is typed into a digit at a time: it follows the typing rule. */
      setSince: (since: string | null) => setParams({ since }, { history: historyFor('since') }),
      setGoneSearch: (search: string) =>
        setParams({ gone: search.slice(0, MAX_QUERY_LENGTH) || null }, { history: historyFor('gone') }),
      goToPage: (to: PageCursor) =>
        setParams({ after_id: to.after_id ?? null, before_id: to.before_id ?? null }, { history: historyFor() }),
      /** The page in the URL is gone: show the first page of the same view instead of this history entry. */
      goToFirstPageInstead: () => setParams(NO_CURSOR),
      openModel: (id: string) => {
        const written = setParams({ model: id }, { history: historyFor() })
        opened.current = written
        return written
      },
      /**
       * Opened on this page: step back, so Back after closing does not reopen it; once, however often it
       * is closed before the step has landed (Escape and a click).
       */
      closeModel: async () => {
        const pushed = opened.current
        if (pushed === null) {
          await setParams({ model: null })
          return
        }
        if (pushed === 'closing') return
        opened.current = 'closing'
        await pushed
        opened.current = null
        window.history.back()
      },
    }),
    [setParams, historyFor],
  )

  return {
    /** The filter as typed (the input's value). */
    q,
    sort: params.sort,
    limit: params.limit,
    cursor,
    model: params.model,
    /** The lifecycle stages shown (never empty). */
    lifecycle: view.lifecycle ?? DEFAULT_LIFECYCLES,
    /** The ids compared side by side (none: no comparison). */
    compared: params.compare ?? NONE_COMPARED,
    /** The facets chosen, each null when not used. */
    facets,
    /** A filter other than the search is on: a facet, or stages other than the default. */
    isFiltered: lifecycle !== null || Object.values(facets).some((value) => value !== null),
    /** The columns shown, in their table order. */
    columns,
    tab: params.view,
    /** The workspace shown; null for the server's default one. */
    workspace: params.ws,
    goneSearch: gone,
    /** The kinds of change listed; null for every kind. */
    changeKinds: kinds,
    /** The day the Changes view lists from (`2026-10-03`); null for the whole history. */
    changesSince: params.since,
    /** What the list query is keyed by. */
    view,
    /** Typing has not reached the query yet. */
    isFilterPending: q.trim() !== view.q,
    ...actions,
  }
}
export type ModelsSearchParams = ReturnType<typeof useModelsSearchParams>

/** A link to the view on screen, as the dashboard writes it: the filter as typed, not yet debounced. */
export function useShareableLink(): () => string {
  const [params] = useQueryStates(searchParams)
  return () => linkTo(params)
}
