import { z } from 'zod'

/**
 * A model as the upstream describes it. The seed's four fields are always there;
 * newer API versions add optional ones (lifecycle, max_input_tokens, capabilities…),
 * and a field we do not know yet is passed through untouched rather than dropped.
 */
export const modelSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  display_name: z.string(),
  created_at: z.string(),
  lifecycle: z.enum(['active', 'deprecated', 'retired']).nullish(),
  deprecated_at: z.string().nullish(),
  retires_at: z.string().nullish(),
  max_input_tokens: z.number().nullish(),
  max_tokens: z.number().nullish(),
})
export type Model = z.infer<typeof modelSchema>

/** The upstream's convention for "release date unknown". */
export const UNKNOWN_RELEASE_DATE = '1970-01-01T00:00:00Z'

export function isReleaseDateUnknown(createdAt: string): boolean {
  const time = Date.parse(createdAt)
  return Number.isNaN(time) || time === 0
}

/** One page of the BFF's list: the upstream's own page shape plus what a view needs. */
export const modelPageSchema = z.object({
  data: z.array(modelSchema),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
  has_more: z.boolean(),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  fetched_at: z.string(),
  stale: z.boolean(),
  refresh_error: z.string().nullable(),
})
export type ModelPage = z.infer<typeof modelPageSchema>

export const catalogueStatusSchema = z.object({
  count: z.number().int().nonnegative(),
  fetched_at: z.string().nullable(),
  age_seconds: z.number().nullable(),
  stale: z.boolean(),
  refresh_error: z.string().nullable(),
})

export const healthSchema = z.object({
  status: z.literal('ok'),
  mode: z.enum(['demo', 'live']),
  catalogue: catalogueStatusSchema,
})
export type Health = z.infer<typeof healthSchema>
