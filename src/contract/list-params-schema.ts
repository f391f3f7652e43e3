import * as z from 'zod/mini'
import { CAPABILITY_PATHS, type CapabilityPath } from './capabilities'
import {
  DEFAULT_LIFECYCLES,
  DEFAULT_LIMIT,
  LIFECYCLES,
  type Lifecycle,
  LINE_PATTERN,
  LISTED_ID_PATTERN,
  MAX_CONTEXT,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  MAX_RETIRING_WITHIN_DAYS,
  NO_LINE,
  type ParseResult,
  sameStages,
  SORT_VALUES,
} from './list-params'

// The list's parameters parsed with zod: the server's (the browser's entry writes them, list-params.ts, and never parses).

/** A model id as a parameter (a cursor, or the model asked for). */
export const modelIdParam = (name: string) =>
  z
    .string()
    .check(z.regex(LISTED_ID_PATTERN, `${name} must be a model id: 1–512 characters, none of them control ones`))

const integerParam = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`
  return z.pipe(
    // Ten digits hold every bound here, and keep Number() from ever seeing a huge string.
    z.string().check(z.regex(/^\d{1,10}$/, message)),
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

/** A comma list of lines, sorted and without repeats, so equal lists have equal parameters. */
const lineParam = z.pipe(
  z
    .string()
    .check(
      z.refine(
        (value) => commaItems(value).every((item) => LINE_PATTERN.test(item)),
        `line must be a comma list of lines in lower case (e.g. opus,sonnet), or ${NO_LINE} for models without one`,
      ),
    ),
  z.transform((value) => [...new Set(commaItems(value))].sort()),
)

/** A comma list of capability paths, all of which a model must support; in the tree's order. */
const capsParam = commaListParam<CapabilityPath>(
  CAPABILITY_PATHS,
  `caps must be a comma list of capability paths, from: ${CAPABILITY_PATHS.join(', ')}`,
)

/** A comma list of stages; undefined when it is the default, so equal views have equal parameters. */
const lifecycleParam = z.pipe(
  commaListParam(LIFECYCLES, `lifecycle must be one or more of ${LIFECYCLES.join(', ')}`),
  z.transform((stages): Lifecycle[] | undefined => (sameStages(stages, DEFAULT_LIFECYCLES) ? undefined : stages)),
)

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
    line: z.optional(lineParam),
    caps: z.optional(capsParam),
    min_context: z.optional(integerParam('min_context', 1, MAX_CONTEXT)),
    retiring_within: z.optional(integerParam('retiring_within', 0, MAX_RETIRING_WITHIN_DAYS)),
    refresh: z.optional(flagParam('refresh')),
    // With refresh: the operator believes a doubted catalogue (see the README's "Bad days").
    accept: z.optional(flagParam('accept')),
  })
  .check(oneCursor)
export type ListParams = z.output<typeof listParamsSchema>

/** Lists whose values add up when repeated, also taken in the SDK's bracket form (`lifecycle[]=retired`). */
const LIST_KEYS = new Set(['lifecycle', 'line', 'caps'])

/**
 * Parses URL search parameters. A parameter given twice is an error rather than
 * a silent pick (but a list, `lifecycle`, `line` or `caps`, adds its values up,
 * given as `key` or as the SDK's `key[]`), and unknown parameters are ignored,
 * as the upstream does.
 */
export function parseListParams(search: URLSearchParams): ParseResult<ListParams> {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(listParamsSchema.shape)) {
    const isList = LIST_KEYS.has(key)
    // An empty value (`?q=`) means the same as leaving the parameter out.
    const values = [...search.getAll(key), ...(isList ? search.getAll(`${key}[]`) : [])].filter((value) => value !== '')
    if (isList && values.length > 0) raw[key] = values.join(',')
    else if (values.length > 1) return { ok: false, message: `${key} was given more than once` }
    else if (values.length === 1) raw[key] = values[0]!
  }
  const result = listParamsSchema.safeParse(raw)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, message: result.error.issues.map((issue) => issue.message).join('; ') }
}
