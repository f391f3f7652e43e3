import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk'
import { describe, expect, it } from 'vitest'
import { UpstreamFormatError } from '../upstream'
import { refreshFailureReason } from './upstream-outcome'

describe('refreshFailureReason', () => {
  it.each<[string, unknown, string]>([
    ['a timeout', new APIConnectionTimeoutError(), 'timeout'],
    ['a failed connection', new APIConnectionError({ message: 'reset' }), 'network_error'],
    ['an unreadable answer', new UpstreamFormatError('not JSON'), 'bad_answer'],
    ['a refused key', APIError.generate(401, undefined, 'no', new Headers()), 'auth_error'],
    ['a rate limit', APIError.generate(429, undefined, 'slow down', new Headers()), 'rate_limited'],
    ['an overload', APIError.generate(529, undefined, 'busy', new Headers()), 'overloaded'],
    ['an upstream fault', APIError.generate(500, undefined, 'oops', new Headers()), 'server_error'],
    ['anything else', new Error('bug'), 'other'],
  ])('names the failure of %s', (_what, error, reason) => {
    expect(refreshFailureReason(error)).toBe(reason)
  })
})
