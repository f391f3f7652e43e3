import * as z from 'zod/mini'

/**
 * Every error the BFF sends has the upstream's own error shape. `request_id`
 * is the BFF's id of the request (its `request-id` header, and in its log);
 * `upstream_request_id` is the Anthropic API's, when the error came from there.
 */
export const apiErrorBodySchema = z.object({
  type: z.literal('error'),
  error: z.object({ type: z.string(), message: z.string() }),
  request_id: z.optional(z.string()),
  upstream_request_id: z.optional(z.string()),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

export function errorBody(type: string, message: string, upstreamRequestId?: string): ApiErrorBody {
  return {
    type: 'error',
    error: { type, message },
    ...(upstreamRequestId ? { upstream_request_id: upstreamRequestId } : {}),
  }
}
