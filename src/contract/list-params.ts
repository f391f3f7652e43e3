import * as z from 'zod/mini'

export const SORT_KEYS = ['id', 'display_name', 'created_at', 'type', 'max_input_tokens', 'max_tokens'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortValue = SortKey | `-${SortKey}`
export const SORT_VALUES = SORT_KEYS.flatMap((key): SortValue[] => [key, `-${key}`]) as [SortValue, ...SortValue[]]

/** The stages of a model's life, in the order a list of them is written. */
export const LIFECYCLES = ['active', 'deprecated', 'retired'] as const
export type Lifecycle = (typeof LIFECYCLES)[number]
/** What the list shows without a `lifecycle` parameter, as the upstream does. */
export const DEFAULT_LIFECYCLES: readonly Lifecycle[] = ['active', 'deprecated']

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

const modelIdParam = (name: string) =>
  z
    .string()
    .check(z.regex(LISTED_ID_PATTERN, `${name} must be a model id: 1–512 characters, none of them control ones`))

const integerParam = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`
  return z.pipe(
    z.string().check(z.regex(/^\d{1,7}$/, message)),
    z.pipe(z.transform(Number), z.number().check(z.gte(min, message), z.lte(max, message))),
  )
}

/** A yes/no parameter: 1 or true, 0 or false. */
export const flagParam = (name: string) =>
  z.pipe(
    z.enum(['0', '1', 'true', 'false'], { error: `${name} must be 1 or 0` }),
    z.transform((value) => value === '1' || value === 'true'),
  )

function commaItems(value: string): string[] {
  return value.split(',').map((item) => item.trim())
}

/**
 * A comma list of `known` values, in any order, repeats allowed. It comes out
 * in `known`'s order without repeats, so equal lists have equal parameters.
 */
export function commaListParam<T extends string>(known: readonly T[], message: string) {
  return z.pipe(
    z
      .string()
      .check(
        z.refine((value) => commaItems(value).every((item) => (known as readonly string[]).includes(item)), message),
      ),
    z.transform((value): T[] => {
      const asked = new Set(commaItems(value))
      return known.filter((item) => asked.has(item))
    }),
  )
}

/** A comma list of stages; undefined when it is the default, so equal views have equal parameters. */
const lifecycleParam = z.pipe(
  commaListParam(LIFECYCLES, `lifecycle must be one or more of ${LIFECYCLES.join(', ')}`),
  z.transform((stages): Lifecycle[] | undefined => (sameStages(stages, DEFAULT_LIFECYCLES) ? undefined : stages)),
)

function sameStages(a: readonly Lifecycle[], b: readonly Lifecycle[]): boolean {
  return a.length === b.length && a.every((stage, index) => stage === b[index])
}

/** A cursor page's parameters, the upstream's: a page size, and where the page starts. */
export const pageParams = {
  limit: z._default(integerParam('limit', 1, MAX_LIMIT), DEFAULT_LIMIT),
  after_id: z.optional(modelIdParam('after_id')),
  before_id: z.optional(modelIdParam('before_id')),
  q: z.optional(z.string().check(z.maxLength(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`))),
}

/** A page starts after a model or before one, not both. */
export const oneCursor = z.refine<{ after_id?: string | undefined; before_id?: string | undefined }>(
  (params) => !(params.after_id && params.before_id),
  { message: 'Give after_id or before_id, not both', path: ['before_id'] },
)

/**
 * The query parameters of `GET /api/models`, as strings in a URL. Server and
 * client parse with this one schema, so they cannot disagree on what is valid.
 */
export const listParamsSchema = z
  .object({
    ...pageParams,
    lifecycle: z.optional(lifecycleParam),
    sort: z.optional(z.enum(SORT_VALUES, { error: `sort must be one of ${SORT_VALUES.join(', ')}` })),
    refresh: z.optional(flagParam('refresh')),
    // With refresh: the operator believes a doubted catalogue (see the README's "Bad days").
    accept: z.optional(flagParam('accept')),
  })
  .check(oneCursor)
export type ListParams = z.output<typeof listParamsSchema>

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Parses URL search parameters. A parameter given twice is an error rather than
 * a silent pick (but `lifecycle` is a list: its values add up), and unknown
 * parameters are ignored, as the upstream does.
 */
export function parseListParams(search: URLSearchParams): ParseResult<ListParams> {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(listParamsSchema.shape)) {
    // An empty value (`?q=`) means the same as leaving the parameter out.
    const values = search.getAll(key).filter((value) => value !== '')
    if (key === 'lifecycle' && values.length > 0) raw[key] = values.join(',')
    else if (values.length > 1) return { ok: false, message: `${key} was given more than once` }
    else if (values.length === 1) raw[key] = values[0]!
  }
  const result = listParamsSchema.safeParse(raw)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, message: result.error.issues.map((issue) => issue.message).join('; ') }
}

/** The inverse of parseListParams: defaults are left out, so equal views give equal URLs. */
export function listParamsToSearch(
  params: Partial<Omit<ListParams, 'lifecycle'>> & { lifecycle?: readonly Lifecycle[] | null },
): URLSearchParams {
  const search = new URLSearchParams()
  if (params.limit !== undefined && params.limit !== DEFAULT_LIMIT) search.set('limit', String(params.limit))
  if (params.after_id) search.set('after_id', params.after_id)
  if (params.before_id) search.set('before_id', params.before_id)
  if (params.q) search.set('q', params.q)
  const stages = LIFECYCLES.filter((stage) => params.lifecycle?.includes(stage))
  if (stages.length > 0 && !sameStages(stages, DEFAULT_LIFECYCLES)) search.set('lifecycle', stages.join(','))
  if (params.sort) search.set('sort', params.sort)
  if (params.refresh) search.set('refresh', '1')
  if (params.accept) search.set('accept', '1')
  return search
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
