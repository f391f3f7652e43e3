import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk'
import { type ApiErrorBody, errorBody } from '../contract/api-error'
import { HistoryUnavailableError } from './history/history-store'
import { ImplausibleCatalogueError } from './catalogue/plausibility'
import {
  LookupFailedError,
  UpstreamBackoffError,
  UpstreamDeadlineError,
  UpstreamFormatError,
  UpstreamRedirectError,
  UpstreamTooLargeError,
} from './upstream/upstream-errors'
import { retryAfterMs } from './upstream/retrying'

export interface HttpError {
  status: number
  body: ApiErrorBody
  headers: Record<string, string>
}

/** A problem with the request itself, found before anything reached the upstream. */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError'
}

export function badRequest(message: string): HttpError {
  return { status: 400, body: errorBody('invalid_request_error', message), headers: {} }
}

/**
 * Turns anything a request can fail with into the status and body the dashboard
 * gets. The upstream's error type is kept so the client can explain it; the
 * message is our own, since the SDK's message embeds the raw upstream body.
 */
export interface ErrorContext {
  /** The model asked for, for a 404's message. */
  modelId?: string
  /** The env var of the key in use (a workspace's), for a 401's message. */
  keyVariable?: string
  /**
   * When the server will ask the upstream again, if it has decided (a failed lookup is repeated until then):
   * the answer's Retry-After and its message both say this, rather than what the upstream asked or a guess.
   */
  retryAfterSeconds?: number
}

export function toHttpError(error: unknown, context: ErrorContext = {}): HttpError {
  if (error instanceof BadRequestError) return badRequest(error.message)
  if (error instanceof LookupFailedError) return fromLookupFailure(error, context)
  if (error instanceof HistoryUnavailableError) return plain(503, 'api_error', error.message)
  if (error instanceof ImplausibleCatalogueError) return plain(502, 'api_error', error.message)
  if (error instanceof UpstreamBackoffError) {
    const retryAfter = context.retryAfterSeconds ?? error.retryAfterSeconds
    return {
      status: 503,
      body: errorBody('overloaded_error', `The server is holding back: ${error.message}. Retry in ${retryAfter} s.`),
      headers: { 'Retry-After': String(retryAfter) },
    }
  }
  if (error instanceof UpstreamDeadlineError) {
    return plain(504, 'timeout_error', `The Anthropic API was too slow: ${error.message}. Try again in a moment.`)
  }
  if (error instanceof UpstreamRedirectError || error instanceof UpstreamTooLargeError) {
    return plain(
      502,
      'api_error',
      `The Anthropic API sent an answer the server refuses: ${error.message}. Retry later; if it keeps happening, tell whoever runs the dashboard.`,
      'Check ANTHROPIC_BASE_URL: it must point at the Anthropic API, or at a proxy that passes its answers on unchanged.',
    )
  }
  if (error instanceof APIConnectionTimeoutError) {
    return plain(504, 'timeout_error', 'The Anthropic API did not answer in time. Try again in a moment.')
  }
  if (error instanceof APIConnectionError) {
    return plain(
      502,
      'api_error',
      'The server could not reach the Anthropic API (the connection failed). Retry in a moment; if it keeps failing, tell whoever runs the dashboard.',
      "Check the server's network and ANTHROPIC_BASE_URL.",
    )
  }
  if (error instanceof UpstreamFormatError) {
    return plain(
      502,
      'api_error',
      `The Anthropic API sent an answer the server could not read: ${error.message}. Retry later.`,
    )
  }
  if (error instanceof APIError && typeof error.status === 'number') return fromUpstreamStatus(error, context)
  return plain(500, 'api_error', UNEXPECTED_MESSAGE, UNEXPECTED_HINT)
}

function fromUpstreamStatus(error: APIError, context: ErrorContext): HttpError {
  const status = error.status as number
  const type = upstreamErrorType(error) ?? (status >= 500 ? 'api_error' : 'invalid_request_error')
  const upstreamRequestId = error.requestID ?? undefined
  const make = (
    httpStatus: number,
    message: string,
    headers: Record<string, string> = {},
    operatorHint?: string,
  ): HttpError => ({
    status: httpStatus,
    body: errorBody(type, message, upstreamRequestId, operatorHint),
    headers,
  })
  const keyVariable = context.keyVariable ?? 'ANTHROPIC_API_KEY'
  if (status === 401) {
    return make(
      502,
      "The Anthropic API rejected this server's API key. Retrying will not help until the key is fixed: tell whoever runs the dashboard.",
      {},
      `Check ${keyVariable}: the key may be revoked, mistyped or from another organisation.`,
    )
  }
  if (status === 403) {
    return make(
      502,
      "This server's API key lacks permission to read the model list. Tell whoever runs the dashboard.",
      {},
      `Check the workspace and permissions of the key in ${keyVariable}.`,
    )
  }
  if (status === 404 && context.modelId !== undefined) {
    return make(404, `No model "${context.modelId}" is available to this server's API key. Check the id or alias.`)
  }
  if (status === 429 || status === 529) {
    const retryAfter = context.retryAfterSeconds ?? retryAfterSeconds(error)
    const when = retryAfter === null ? 'in a minute' : `in ${retryAfter} s`
    const what = status === 429 ? 'is rate limiting this server' : 'is overloaded'
    return make(
      503,
      `The Anthropic API ${what}. Retry ${when}.`,
      retryAfter === null ? {} : { 'Retry-After': String(retryAfter) },
    )
  }
  if (status >= 500) return make(502, `The Anthropic API had an internal problem (HTTP ${status}). Retry in a moment.`)
  return make(
    502,
    `The Anthropic API refused the server's request (HTTP ${status}, ${type}). Retry; if it persists, tell whoever runs the dashboard.`,
    {},
    "Check the server's configuration (ANTHROPIC_BASE_URL, ANTHROPIC_BETAS, ANTHROPIC_WORKSPACE_ID) and its log.",
  )
}

/**
 * A failed lookup answers as its failure does, with a Retry-After for when the
 * server will ask the upstream again (a person's Retry before then gets the
 * same answer); a repeat says that it is one, and how old.
 */
function fromLookupFailure(error: LookupFailedError, context: ErrorContext): HttpError {
  const asFailed = toHttpError(error.failure, context)
  // Not kept (LOOKUP_ERROR_TTL_MS=0): the failure as it is.
  if (error.retryAfterMs <= 0) return asFailed
  const elapsedSeconds = Math.floor((error.repeatedAfterMs ?? 0) / 1000)
  const askedSeconds = Number(asFailed.headers['Retry-After'] ?? 0) - elapsedSeconds
  const retryAfter = Math.max(1, Math.ceil(error.retryAfterMs / 1000), askedSeconds)
  // Said again with the server's own time, so that a message's "retry in" never differs from the header.
  const original = toHttpError(error.failure, { ...context, retryAfterSeconds: retryAfter })
  const headers = { ...original.headers, 'Retry-After': String(retryAfter) }
  if (error.repeatedAfterMs === null) return { ...original, headers }
  const { message } = original.body.error
  const repeated = `This lookup failed ${elapsedSeconds} s ago; the server repeats that answer rather than ask the Anthropic API again, and will ask again in ${retryAfter} s. ${message}`
  return { ...original, headers, body: { ...original.body, error: { ...original.body.error, message: repeated } } }
}

function upstreamErrorType(error: APIError): string | null {
  const inner = (error.error as { error?: { type?: unknown } } | undefined)?.error?.type
  return typeof inner === 'string' && /^[a-z_]{1,64}$/.test(inner) ? inner : null
}

function retryAfterSeconds(error: APIError): number | null {
  const ms = retryAfterMs(error)
  return ms === null ? null : Math.ceil(ms / 1000)
}

function plain(status: number, type: string, message: string, operatorHint?: string): HttpError {
  return { status, body: errorBody(type, message, undefined, operatorHint), headers: {} }
}

/** For a failure nothing else explains; the request id leads to the log line. */
export const UNEXPECTED_MESSAGE =
  'The server hit an unexpected problem. Retry; if it persists, tell whoever runs the dashboard.'
export const UNEXPECTED_HINT = "The server's log has the error under this request's id."

/** One line saying why a catalogue refresh failed, operator hint included: for the log and `/api/health`. */
export function describeFailure(error: unknown, context: ErrorContext = {}): string {
  const { message, operator_hint: hint } = toHttpError(error, context).body.error
  return hint ? `${message} ${hint}` : message
}

/** The same, in the words for visitors only: for a page's `refresh_error`. */
export function describeFailureToVisitors(error: unknown, context: ErrorContext = {}): string {
  return toHttpError(error, context).body.error.message
}
