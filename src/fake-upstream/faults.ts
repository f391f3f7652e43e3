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

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().min(0).optional(),
  }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('reset') }),
  z.object({ kind: z.literal('malformed') }),
])
