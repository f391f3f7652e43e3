import { z } from 'zod'

/** What the fake upstream can be told to do instead of answering normally. */
export type Fault = z.infer<typeof faultSchema>

/** The upstream's error type for each status it uses. */
export const ERROR_TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
}

const MESSAGE_BY_TYPE: Readonly<Record<string, string>> = {
  authentication_error: 'invalid x-api-key',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  rate_limit_error: 'Number of requests has exceeded your rate limit.',
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
}

export function errorTypeFor(status: number): string {
  return ERROR_TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error')
}

export function defaultMessageFor(type: string): string {
  return MESSAGE_BY_TYPE[type] ?? type.replace(/_/g, ' ')
}

/** Faults that change what the model list says rather than how it is sent; a lookup is answered as usual. */
export const LIST_FAULT_KINDS: ReadonlySet<string> = new Set([
  'cursor-loop',
  'cursor-cycle',
  'empty',
  'duplicates',
  'odd-ids',
  'lone-surrogate',
  'many-models',
])

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().min(0).optional(),
    /** Sent as `retry-after-ms`, which the SDK reads before `retry-after`. */
    retryAfterMs: z.number().int().min(0).optional(),
  }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('reset') }),
  z.object({ kind: z.literal('malformed') }),
  // Headers at once, then the body one byte per interval: only a deadline that covers the body stops it.
  z.object({ kind: z.literal('drip'), intervalMs: z.number().int().min(1).default(1000) }),
  z.object({ kind: z.literal('redirect'), location: z.string().default('http://other-origin.invalid/v1/models') }),
  z.object({
    kind: z.literal('huge'),
    bytes: z
      .number()
      .int()
      .min(1)
      .default(50 * 1024 * 1024),
  }),
  z.object({
    kind: z.literal('gzip-bomb'),
    bytes: z
      .number()
      .int()
      .min(1)
      .default(400 * 1024 * 1024),
  }),
  // has_more with the same last_id every time.
  z.object({ kind: z.literal('cursor-loop') }),
  // has_more with last_id A, then B, then A again.
  z.object({ kind: z.literal('cursor-cycle') }),
  // A valid, empty, final page.
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('duplicates') }),
  z.object({ kind: z.literal('odd-ids') }),
  // Display names with half a UTF-16 pair, which UTF-8 (and so a store) cannot keep as it is.
  z.object({ kind: z.literal('lone-surrogate') }),
  // A catalogue of `count` synthetic models instead of the fake's own, paged as usual.
  z.object({
    kind: z.literal('many-models'),
    count: z.number().int().min(1).max(1_000_000).default(100_000),
  }),
])
