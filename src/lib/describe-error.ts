import { ApiError, ServerUnreachableError, UnreadableResponseError } from './api-request'

export interface ErrorDescription {
  /** What happened, in a few words. */
  title: string
  /** The server's own explanation, which says what to do. */
  detail: string
  requestId: string | null
  /** For whoever runs the dashboard: which setting to check; shown behind "Details". */
  operatorHint: string | null
  /** When the server said to retry (epoch ms), from Retry-After. */
  retryAt: number | null
}

const TITLE_BY_TYPE: Readonly<Record<string, string>> = {
  authentication_error: "The server's API key was rejected",
  permission_error: "The server's API key lacks permission",
  rate_limit_error: 'The Anthropic API is rate limiting this server',
  overloaded_error: 'The Anthropic API is overloaded',
  timeout_error: 'The Anthropic API did not answer in time',
  not_found_error: 'Not found',
  invalid_request_error: 'The request was refused',
}

/** Turns whatever a request failed with into words a person can act on. */
export function describeError(error: Error, failedAt: number): ErrorDescription {
  if (error instanceof ApiError) {
    const title =
      TITLE_BY_TYPE[error.type] ??
      (error.status === 504
        ? 'The Anthropic API did not answer in time'
        : error.status === 502
          ? 'The Anthropic API could not be reached or failed'
          : `The server answered with an error (HTTP ${error.status})`)
    return {
      title,
      detail: error.message,
      requestId: error.requestId,
      operatorHint: error.operatorHint,
      retryAt: error.retryAfterSeconds === null ? null : failedAt + error.retryAfterSeconds * 1000,
    }
  }
  if (error instanceof ServerUnreachableError) {
    return {
      title: "The dashboard's server cannot be reached",
      detail: error.message,
      requestId: null,
      operatorHint: null,
      retryAt: null,
    }
  }
  if (error instanceof UnreadableResponseError) {
    return {
      title: "The server's answer could not be read",
      detail: error.message,
      requestId: null,
      operatorHint: null,
      retryAt: null,
    }
  }
  return { title: 'Something went wrong', detail: error.message, requestId: null, operatorHint: null, retryAt: null }
}
