import { describe, expect, test } from 'vitest'
import { ApiError, ServerUnreachableError, isStaleCursorError } from './api-request'
import { describeError } from './describe-error'

describe('describeError', () => {
  test('the upstream error type decides the title; the server message is the detail', () => {
    const error = new ApiError(
      503,
      'rate_limit_error',
      'The Anthropic API is rate limiting this server. Retry in 30 s.',
      'req_1',
      30,
    )
    expect(describeError(error, 1_000)).toEqual({
      title: 'The Anthropic API is rate limiting this server',
      detail: 'The Anthropic API is rate limiting this server. Retry in 30 s.',
      requestId: 'req_1',
      operatorHint: null,
      retryAt: 31_000,
    })
  })

  test("the operator's hint is kept apart from the visitor's message", () => {
    const error = new ApiError(
      502,
      'authentication_error',
      'The key was rejected.',
      null,
      null,
      'Check ANTHROPIC_API_KEY.',
    )
    expect(describeError(error, 0)).toMatchObject({
      detail: 'The key was rejected.',
      operatorHint: 'Check ANTHROPIC_API_KEY.',
    })
  })

  test('a gateway error without a known type still says where the problem is', () => {
    expect(describeError(new ApiError(504, 'api_error', 'x', null, null), 0).title).toBe(
      'The Anthropic API did not answer in time',
    )
    expect(describeError(new ServerUnreachableError('down'), 0).title).toBe("The dashboard's server cannot be reached")
  })

  test('only a 400 that names a cursor is a stale cursor', () => {
    expect(
      isStaleCursorError(new ApiError(400, 'invalid_request_error', 'after_id "x" is not in this view', null, null)),
    ).toBe(true)
    expect(
      isStaleCursorError(new ApiError(400, 'invalid_request_error', 'limit must be a whole number', null, null)),
    ).toBe(false)
    expect(isStaleCursorError(new ApiError(502, 'api_error', 'after_id', null, null))).toBe(false)
  })
})
