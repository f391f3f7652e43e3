import { CAPABILITY_PATHS, type CapabilityPath } from './capabilities'

// The values and the URL form of the list's parameters, without a schema library: the browser's entry imports
// them. Their parsing, on the server, is in list-params-schema.ts.

export const SORT_KEYS = [
  'id',
  'display_name',
  'created_at',
  'type',
  'max_input_tokens',
  'max_tokens',
  'retires_at',
  'line',
] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortValue = SortKey | `-${SortKey}`
export const SORT_VALUES = SORT_KEYS.flatMap((key): SortValue[] => [key, `-${key}`]) as [SortValue, ...SortValue[]]

/** The stages of a model's life, in the order a list of them is written. */
export const LIFECYCLES = ['active', 'deprecated', 'retired'] as const
export type Lifecycle = (typeof LIFECYCLES)[number]
/** What the list shows without a `lifecycle` parameter, as the upstream does. */
export const DEFAULT_LIFECYCLES: readonly Lifecycle[] = ['active', 'deprecated']

/** `line=none` asks for models with no line (null). */
export const NO_LINE = 'none'
/** A line as the filter takes it: a lower-case word (lines the upstream adds later included), or `none`. */
export const LINE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/
export const MAX_CONTEXT = 1_000_000_000
export const MAX_RETIRING_WITHIN_DAYS = 3650

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 1000
export const MAX_QUERY_LENGTH = 200

/** The id rule of a lookup sent on to the upstream (`/api/models/:id` for an id the snapshot does not list). */
// Dots alone (`.`, `..`) are refused: as a path segment they would walk up the upstream's URL.
export const MODEL_ID_PATTERN = /^(?!\.+$)[A-Za-z0-9._:@-]{1,256}$/

/**
 * An id as the upstream may list it: cursors and ids answered from the
 * snapshot follow what the upstream actually sends, so no listed model is
 * left unpageable or unopenable. Only ids sent on to the upstream's URL
 * (a lookup) must also pass MODEL_ID_PATTERN.
 */
export const LISTED_ID_PATTERN = /^[^\p{Cc}]{1,512}$/u

/** Whether two lists of stages, each in LIFECYCLES' order, are the same. */
export function sameStages(a: readonly Lifecycle[], b: readonly Lifecycle[]): boolean {
  return a.length === b.length && a.every((stage, index) => stage === b[index])
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string }

/** A list view's parameters as `listParamsToSearch` writes them: those of `ListParams`, each optional. */
export interface ListSearch {
  limit?: number
  after_id?: string | undefined
  before_id?: string | undefined
  q?: string | undefined
  lifecycle?: readonly Lifecycle[] | null
  sort?: SortValue | undefined
  line?: readonly string[] | null
  caps?: readonly CapabilityPath[] | null
  min_context?: number | undefined
  retiring_within?: number | undefined
  refresh?: boolean | undefined
  accept?: boolean | undefined
}

/** The inverse of parseListParams: defaults are left out, so equal views give equal URLs. */
export function listParamsToSearch(params: ListSearch): URLSearchParams {
  const search = new URLSearchParams()
  if (params.limit !== undefined && params.limit !== DEFAULT_LIMIT) search.set('limit', String(params.limit))
  if (params.after_id) search.set('after_id', params.after_id)
  if (params.before_id) search.set('before_id', params.before_id)
  if (params.q) search.set('q', params.q)
  const stages = LIFECYCLES.filter((stage) => params.lifecycle?.includes(stage))
  if (stages.length > 0 && !sameStages(stages, DEFAULT_LIFECYCLES)) search.set('lifecycle', stages.join(','))
  if (params.sort) search.set('sort', params.sort)
  if (params.line && params.line.length > 0) search.set('line', [...new Set(params.line)].sort().join(','))
  const caps = CAPABILITY_PATHS.filter((path) => params.caps?.includes(path))
  if (caps.length > 0) search.set('caps', caps.join(','))
  if (params.min_context !== undefined) search.set('min_context', String(params.min_context))
  if (params.retiring_within !== undefined) search.set('retiring_within', String(params.retiring_within))
  if (params.refresh) search.set('refresh', '1')
  if (params.accept) search.set('accept', '1')
  return search
}

/** A view's facets (null or absent: none) as the parameters `listParamsToSearch` takes. */
export function facetParams(view: {
  line?: readonly string[] | null
  caps?: readonly CapabilityPath[] | null
  min_context?: number | null
  retiring_within?: number | null
}) {
  return {
    line: view.line,
    caps: view.caps,
    min_context: view.min_context ?? undefined,
    retiring_within: view.retiring_within ?? undefined,
  }
}

/** The stages a view shows: the parameter's, or the default. */
export function lifecyclesOf(params: { lifecycle?: readonly Lifecycle[] | undefined }): readonly Lifecycle[] {
  return params.lifecycle ?? DEFAULT_LIFECYCLES
}

export function parseSort(sort: SortValue): { key: SortKey; descending: boolean } {
  return sort.startsWith('-')
    ? { key: sort.slice(1) as SortKey, descending: true }
    : { key: sort as SortKey, descending: false }
}
