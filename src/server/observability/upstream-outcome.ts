import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk'
import { ImplausibleCatalogueError } from '../catalogue/plausibility'
import {
  UpstreamBackoffError,
  UpstreamDeadlineError,
  UpstreamFormatError,
  UpstreamRedirectError,
  UpstreamTooLargeError,
} from '../upstream/upstream-errors'

/** The outcome label of one request to the upstream, from its status, or from why it did not get one. */
export function outcomeOfStatus(status: number): string {
  if (status < 400) return 'ok'
  if (status === 401 || status === 403) return 'auth_error'
  if (status === 429) return 'rate_limited'
  if (status === 529) return 'overloaded'
  return status < 500 ? 'client_error' : 'server_error'
}

export function outcomeOfFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  // The SDK aborts a request that runs past UPSTREAM_TIMEOUT_MS.
  return name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : 'network_error'
}

/** The reason label of a failed catalogue refresh, from the error the walk failed with. */
export function refreshFailureReason(error: unknown): string {
  if (error instanceof APIConnectionTimeoutError || error instanceof UpstreamDeadlineError) return 'timeout'
  if (error instanceof UpstreamBackoffError) return 'backing_off'
  if (error instanceof UpstreamRedirectError) return 'redirect'
  if (error instanceof UpstreamTooLargeError) return 'too_large'
  if (error instanceof ImplausibleCatalogueError) return 'implausible'
  if (error instanceof APIConnectionError) return 'network_error'
  if (error instanceof UpstreamFormatError) return 'bad_answer'
  if (error instanceof APIError && typeof error.status === 'number') return outcomeOfStatus(error.status)
  return 'other'
}
