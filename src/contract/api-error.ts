import * as z from 'zod/mini'

/**
 * Every error the BFF sends has the upstream's own error shape. `request_id`
 * is the BFF's id of the request (its `request-id` header, and in its log);
 * `upstream_request_id` is the Anthropic API's, when the error came from there.
 */
export const apiErrorBodySchema = z.object({
  type: z.literal('error'),
  error: z.object({
    type: z.string(),
    /** For whoever is looking at the page: what happened and what they can do. */
    message: z.string(),
    /** For whoever runs the dashboard: which setting to check. Shown behind "Details". */
    operator_hint: z.optional(z.string()),
  }),
  request_id: z.optional(z.string()),
  upstream_request_id: z.optional(z.string()),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

export function errorBody(
  type: string,
  message: string,
  upstreamRequestId?: string,
  operatorHint?: string,
): ApiErrorBody {
  return {
    type: 'error',
    error: { type, message, ...(operatorHint ? { operator_hint: operatorHint } : {}) },
    ...(upstreamRequestId ? { upstream_request_id: upstreamRequestId } : {}),
  }
}
