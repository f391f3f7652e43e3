import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk'
import { describe, expect, it } from 'vitest'
import { ImplausibleCatalogueError } from '../catalogue/plausibility'
import {
  UpstreamBackoffError,
  UpstreamDeadlineError,
  UpstreamFormatError,
  UpstreamRedirectError,
  UpstreamTooLargeError,
} from '../upstream/upstream-errors'
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
    ['a walk past its deadline', new UpstreamDeadlineError('30 s'), 'timeout'],
    ['an open breaker', new UpstreamBackoffError('wait', 60), 'backing_off'],
    ['a redirect', new UpstreamRedirectError('elsewhere'), 'redirect'],
    ['an answer over its ceiling', new UpstreamTooLargeError('50 MB'), 'too_large'],
    ['a doubted catalogue', new ImplausibleCatalogueError('empty'), 'implausible'],
    ['anything else', new Error('bug'), 'other'],
  ])('names the failure of %s', (_what, error, reason) => {
    expect(refreshFailureReason(error)).toBe(reason)
  })
})
