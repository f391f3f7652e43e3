import * as z from 'zod/mini'
import type { ParseResult } from './list-params'
import { flagParam, oneCursor, pageParams } from './list-params-schema'
import { parseSearchParams } from './search-params'
import { WORKSPACE_NAME_PATTERN } from './workspace'

/** How a model stands in one workspace, best first: the order a status column sorts in. */
export const AVAILABILITY_STATUSES = ['available', 'deprecated', 'retired', 'absent'] as const
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number]

/** What the availability table sorts by: a model field, or the status in one workspace (`status:staging`). */
export const AVAILABILITY_SORT_FIELDS = ['id', 'display_name', 'created_at'] as const
export type AvailabilitySortField = (typeof AVAILABILITY_SORT_FIELDS)[number]
const SORT_PATTERN = new RegExp(
  `^-?(${AVAILABILITY_SORT_FIELDS.join('|')}|status:${WORKSPACE_NAME_PATTERN.source.slice(1, -1)})$`,
)
export type AvailabilitySort = `${'' | '-'}${AvailabilitySortField | `status:${string}`}`
export function isAvailabilitySort(value: string): value is AvailabilitySort {
  return SORT_PATTERN.test(value)
}

/** Newest first, as the upstream lists models. */
export const DEFAULT_AVAILABILITY_SORT: AvailabilitySort = '-created_at'

/** The query parameters of `GET /api/availability`. */
export const availabilityParamsSchema = z
  .object({
    ...pageParams,
    sort: z._default(
      z.pipe(
        z
          .string()
          .check(
            z.regex(
              SORT_PATTERN,
              `sort must be one of ${AVAILABILITY_SORT_FIELDS.join(', ')} or status:<workspace>, with - for descending`,
            ),
          ),
        z.transform((value) => value as AvailabilitySort),
      ),
      DEFAULT_AVAILABILITY_SORT,
    ),
    /** Only the models whose status is not the same in every workspace. */
    differs: z.optional(flagParam('differs')),
  })
  .check(oneCursor)
export type AvailabilityParams = z.output<typeof availabilityParamsSchema>

export function parseAvailabilityParams(search: URLSearchParams): ParseResult<AvailabilityParams> {
  return parseSearchParams(availabilityParamsSchema, search)
}

/** One column: a workspace, with how fresh its snapshot is or why there is none. */
export const availabilityWorkspaceSchema = z.object({
  name: z.string(),
  fetched_at: z.nullable(z.string()),
  stale: z.boolean(),
  /** Why the workspace has no catalogue (its statuses are left out), or why its latest refresh failed. */
  error: z.nullable(z.object({ type: z.string(), message: z.string(), operator_hint: z.optional(z.string()) })),
})
export type AvailabilityWorkspace = z.infer<typeof availabilityWorkspaceSchema>

/** One row: a model, and its status in each workspace that has a catalogue. */
export const availabilityRowSchema = z.object({
  id: z.string(),
  type: z.string(),
  display_name: z.string(),
  created_at: z.string(),
  status: z.record(z.string(), z.enum(AVAILABILITY_STATUSES)),
})
export type AvailabilityRow = z.infer<typeof availabilityRowSchema>

export const availabilityPageSchema = z.object({
  workspaces: z.array(availabilityWorkspaceSchema),
  data: z.array(availabilityRowSchema),
  first_id: z.nullable(z.string()),
  last_id: z.nullable(z.string()),
  has_more: z.boolean(),
  offset: z.number(),
  total: z.number(),
})
export type AvailabilityPage = z.infer<typeof availabilityPageSchema>
