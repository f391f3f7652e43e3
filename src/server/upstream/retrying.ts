import { APIConnectionError, APIError } from '@anthropic-ai/sdk'
import type { CircuitBreaker } from './circuit-breaker'
import { UpstreamDeadlineError } from './upstream-errors'

export interface RetryPolicy {
  maxRetries: number
  /** The longest the server sleeps between attempts; the upstream asking for longer fails the call at once. */
  maxRetryWaitMs: number
  breaker: CircuitBreaker
  random?: () => number
}

/**
 * Runs one upstream call with retries of its own rather than the SDK's: the
 * SDK sleeps whatever Retry-After says (an hour, if asked), and its retries
 * would pass the circuit breaker unseen. Here every attempt goes through the
 * breaker, waits are capped, and a longer Retry-After fails the call at
 * once, its Retry-After carried on to clients.
 */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  const random = policy.random ?? Math.random
  for (let attempt = 0; ; attempt += 1) {
    const { probe } = policy.breaker.enter()
    let error: unknown
    try {
      const result = await call()
      policy.breaker.succeeded(probe)
      return result
    } catch (thrown) {
      error = unwrapped(thrown, signal)
    }
    if (!isUpstreamDistress(error)) {
      policy.breaker.succeeded(probe)
      throw error
    }
    const askedMs = retryAfterMs(error)
    policy.breaker.failed(probe, askedMs)
    // Longer than the server sleeps: fail now, and the answer's Retry-After goes on to the client (see errors.ts).
    // The breaker honours it once failures repeat; one answer alone does not stop the key for minutes.
    if (askedMs !== null && askedMs > policy.maxRetryWaitMs) throw error
    // A walk over its deadline is not retried: the deadline is the walk's, not the attempt's.
    if (attempt >= policy.maxRetries || signal?.aborted) throw error
    const backoffMs = Math.min(500 * 2 ** attempt, 8_000) * (1 - random() * 0.25)
    await sleep(Math.min(askedMs ?? backoffMs, policy.maxRetryWaitMs), signal)
  }
}

/** The error that says what happened: the SDK wraps a fetch's own errors, and reports an abort as the user's. */
function unwrapped(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted && signal.reason instanceof Error) return signal.reason
  if (error instanceof APIConnectionError && error.cause instanceof Error && error.cause.name.startsWith('Upstream')) {
    return error.cause
  }
  return error
}

/** 408, 409, 429 and 5xx answers, deadlines and broken connections: the upstream's trouble, worth a retry. */
function isUpstreamDistress(error: unknown): boolean {
  if (error instanceof UpstreamDeadlineError || error instanceof APIConnectionError) return true
  if (!(error instanceof APIError) || typeof error.status !== 'number') return false
  return error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500
}

/** What the answer asked for, in ms: `retry-after-ms`, else `retry-after` in seconds or as a date. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const headers = error instanceof APIError ? error.headers : undefined
  const millis = headers?.get('retry-after-ms')
  if (millis && Number.isFinite(Number(millis)) && Number(millis) >= 0) return Number(millis)
  const value = headers?.get('retry-after')
  if (!value) return null
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(done, ms)
    function done() {
      signal?.removeEventListener('abort', abort)
      resolve()
    }
    function abort() {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}
