// zod/mini: the same schemas as zod, a fraction of the bytes in the dashboard's bundle.
import * as z from 'zod/mini'

/** One leaf of the capability tree: whether the model supports it. */
const capabilitySupportSchema = z.looseObject({ supported: z.boolean() })
const leaf = z.nullish(capabilitySupportSchema)

/**
 * What a model can do, as API 2026-10-21 describes it (the pinned SDK's
 * `ModelCapabilities`). Every known key is there when the tree is; each is
 * still optional here, and unknown keys pass through, so a tree from another
 * API version is shown as far as it goes rather than refused.
 */
export const capabilitiesSchema = z.looseObject({
  batch: leaf,
  citations: leaf,
  code_execution: leaf,
  context_management: z.nullish(
    z.looseObject({
      supported: z.optional(z.boolean()),
      clear_thinking_20251015: leaf,
      clear_tool_uses_20250919: leaf,
      compact_20260112: leaf,
    }),
  ),
  effort: z.nullish(
    z.looseObject({ supported: z.optional(z.boolean()), low: leaf, medium: leaf, high: leaf, max: leaf, xhigh: leaf }),
  ),
  image_input: leaf,
  pdf_input: leaf,
  server_tools: z.nullish(
    z.looseObject({ supported: z.optional(z.boolean()), web_search: leaf, code_execution: leaf }),
  ),
  structured_outputs: leaf,
  thinking: z.nullish(
    z.looseObject({
      supported: z.optional(z.boolean()),
      types: z.nullish(z.looseObject({ adaptive: leaf, between_tools: leaf, disabled: leaf, enabled: leaf })),
    }),
  ),
})
export type Capabilities = z.infer<typeof capabilitiesSchema>

/**
 * A model as the upstream describes it. The seed's four fields are always there;
 * newer API versions add optional ones (lifecycle, line, max_input_tokens, capabilities…),
 * and a field we do not know yet is passed through untouched rather than dropped.
 */
export const modelSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  display_name: z.string(),
  created_at: z.string(),
  // active, deprecated or retired today; a stage added later must not make the whole catalogue unreadable.
  lifecycle: z.nullish(z.string()),
  deprecated_at: z.nullish(z.string()),
  retires_at: z.nullish(z.string()),
  max_input_tokens: z.nullish(z.number()),
  max_tokens: z.nullish(z.number()),
  // haiku, sonnet, opus, fable, mythos today; more may come, so any string is kept. Null: the model has no line.
  line: z.nullish(z.string()),
  capabilities: z.nullish(capabilitiesSchema),
})
export type Model = z.infer<typeof modelSchema>

/** One page of the BFF's list: the upstream's own page shape plus what a view needs. */
export const modelPageSchema = z.object({
  data: z.array(modelSchema),
  first_id: z.nullable(z.string()),
  last_id: z.nullable(z.string()),
  has_more: z.boolean(),
  total: z.number(),
  offset: z.number(),
  fetched_at: z.string(),
  stale: z.boolean(),
  refresh_error: z.nullable(z.string()),
})
export type ModelPage = z.infer<typeof modelPageSchema>

export const catalogueStatusSchema = z.object({
  count: z.number(),
  fetched_at: z.nullable(z.string()),
  age_seconds: z.nullable(z.number()),
  stale: z.boolean(),
  refresh_error: z.nullable(z.string()),
  /** How long the walk of the upstream in progress has run, in seconds; null when none is. */
  walking_for_seconds: z.optional(z.nullable(z.number())),
})

export const healthSchema = z.object({
  status: z.literal('ok'),
  mode: z.enum(['demo', 'live']),
  /** The workspace this answer is about; \`workspaces\` lists them all, the default first. */
  workspace: z.string(),
  workspaces: z.array(z.string()),
  catalogue: catalogueStatusSchema,
})
export type Health = z.infer<typeof healthSchema>
