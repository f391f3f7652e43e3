import * as z from 'zod/mini'

/** Every error the BFF sends has the upstream's own error shape. */
export const apiErrorBodySchema = z.object({
  type: z.literal('error'),
  error: z.object({ type: z.string(), message: z.string() }),
  request_id: z.optional(z.string()),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>

export function errorBody(type: string, message: string, requestId?: string): ApiErrorBody {
  return { type: 'error', error: { type, message }, ...(requestId ? { request_id: requestId } : {}) }
}
