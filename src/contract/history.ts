import * as z from 'zod/mini'
import type { ParseResult } from './list-params'
import { commaListParam, modelIdParam, oneCursor } from './list-params-schema'
import { parseSearchParams } from './search-params'
import { CHANGE_KINDS } from './change-kinds'

export const DEFAULT_CHANGES_LIMIT = 50
export const MAX_CHANGES_LIMIT = 1000

const SINCE_MESSAGE = 'since must be a date (2026-10-03) or a date and time with its zone (2026-10-03T12:00:00Z)'

/** A day (midnight UTC) or an instant; a time without a zone is refused rather than guessed. */
const sinceParam = z.pipe(
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: SINCE_MESSAGE }),
  z.transform((value) => Date.parse(value)),
)

const integerParam = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`
  return z.pipe(
    z.string().check(z.regex(/^\d{1,15}$/, message)),
    z.pipe(z.transform(Number), z.number().check(z.gte(min, message), z.lte(max, message))),
  )
}

const kindParam = commaListParam(CHANGE_KINDS, `kind must be a comma list of ${CHANGE_KINDS.join(', ')}`)

/** The query parameters of `GET /api/changes` and `/feed.xml`; `since` comes out as epoch ms. */
export const changesParamsSchema = z.object({
  since: z.optional(sinceParam),
  /** Only these kinds of change (`kind=added,removed`); every kind without it. */
  kind: z.optional(kindParam),
  limit: z._default(integerParam('limit', 1, MAX_CHANGES_LIMIT), DEFAULT_CHANGES_LIMIT),
  after_id: z.optional(integerParam('after_id', 1, Number.MAX_SAFE_INTEGER)),
})
export type ChangesParams = z.output<typeof changesParamsSchema>

export function parseChangesParams(search: URLSearchParams): ParseResult<ChangesParams> {
  return parseSearchParams(changesParamsSchema, search)
}

/**
 * The query parameters of `GET /api/seen`: the upstream's list contract (as
 * `/api/models`), pages by model id, with `since` as `/api/changes` takes it
 * and `model_id` for one model's record.
 */
export const seenParamsSchema = z
  .object({
    since: z.optional(sinceParam),
    limit: z._default(integerParam('limit', 1, MAX_CHANGES_LIMIT), DEFAULT_CHANGES_LIMIT),
    after_id: z.optional(modelIdParam('after_id')),
    before_id: z.optional(modelIdParam('before_id')),
    model_id: z.optional(modelIdParam('model_id')),
  })
  .check(oneCursor)
export type SeenParams = z.output<typeof seenParamsSchema>

export function parseSeenParams(search: URLSearchParams): ParseResult<SeenParams> {
  return parseSearchParams(seenParamsSchema, search)
}

/**
 * One recorded change. `before`/`after` are the old and new display name or
 * lifecycle, and only there for those kinds; `display_name` is the model's name
 * at the time (its last known one for a removal).
 */
export const changeSchema = z.object({
  id: z.number(),
  workspace: z.string(),
  model_id: z.string(),
  kind: z.enum(CHANGE_KINDS),
  at: z.string(),
  display_name: z.string(),
  before: z.optional(z.string()),
  after: z.optional(z.string()),
})
export type Change = z.infer<typeof changeSchema>

/** A cursor page of changes, newest first; `after_id=last_id` gives the next (older) page. */
/**
 * Why the workspace's catalogue could not be read, when its latest walk
 * failed: the history may then be empty or behind, and a reader must be told
 * rather than shown an all-clear. Null while the catalogue is read.
 */
export const catalogueErrorSchema = z.nullable(
  z.object({ type: z.string(), message: z.string(), operator_hint: z.optional(z.string()) }),
)
export type CatalogueError = z.infer<typeof catalogueErrorSchema>

export const changesPageSchema = z.object({
  data: z.array(changeSchema),
  catalogue_error: z.optional(catalogueErrorSchema),
  first_id: z.nullable(z.number()),
  last_id: z.nullable(z.number()),
  has_more: z.boolean(),
})
export type ChangesPage = z.infer<typeof changesPageSchema>

/**
 * When the history saw one model. `baseline` means it was already there at the
 * first recorded walk, so `first_seen` is when the history began, not when the
 * model arrived. `last_seen` is the last walk that listed it; `removed_at` the
 * walk that found it gone (null while it is in the catalogue).
 */
export const seenModelSchema = z.object({
  model_id: z.string(),
  display_name: z.string(),
  first_seen: z.string(),
  baseline: z.boolean(),
  last_seen: z.string(),
  removed_at: z.nullable(z.string()),
})
export type SeenModel = z.infer<typeof seenModelSchema>

/**
 * `GET /api/seen`: a page of the models that arrived after the history began
 * or have left since, by model id. A model not listed has been in the
 * catalogue since `history_started_at` (or the history has not started yet:
 * both times null). `has_more`: more in the page's direction (`after_id=last_id`
 * gives the next, `before_id=first_id` the one before).
 */
export const seenAnswerSchema = z.object({
  workspace: z.string(),
  history_started_at: z.nullable(z.string()),
  last_walk_at: z.nullable(z.string()),
  catalogue_error: z.optional(catalogueErrorSchema),
  data: z.array(seenModelSchema),
  first_id: z.nullable(z.string()),
  last_id: z.nullable(z.string()),
  has_more: z.boolean(),
})
export type SeenAnswer = z.infer<typeof seenAnswerSchema>
