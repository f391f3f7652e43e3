import type { QueryClient } from '@tanstack/react-query'
import { apiErrorBodyShape } from '../contract/answer-checks'
import type { AnswerShape } from '../contract/shape-check'

/** The BFF answered with an error, in the upstream's error shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    /** The upstream's error type when the cause was upstream (`rate_limit_error`…), else the BFF's own. */
    readonly type: string,
    message: string,
    readonly requestId: string | null,
    /** From Retry-After: how long the server asks us to wait. */
    readonly retryAfterSeconds: number | null,
    /** What whoever runs the dashboard should check (a setting), kept apart from the visitor's message. */
    readonly operatorHint: string | null = null,
  ) {
    super(message)
  }
}

/** No answer at all: the dashboard's own server is down or the network is gone. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError'
}

/** An answer that does not have the shape the contract promises. */
export class UnreadableResponseError extends Error {
  override readonly name = 'UnreadableResponseError'
}

/**
 * How a GET reaches the BFF, for a path with its query string. In the browser
 * the network; when the server renders a page, its own routes in process.
 */
export type ApiTransport = (target: string, signal?: AbortSignal) => Promise<Response>

const networkTransport: ApiTransport = (target, signal) =>
  // React Query is the page's cache. The browser's own (max-age plus stale-while-revalidate, meant for
  // shared caches) could hand back a page from before a Refresh; `no-cache` revalidates, a 304 when unchanged.
  fetch(new URL(target, window.location.origin), { signal, cache: 'no-cache', headers: { accept: 'application/json' } })

const transports = new WeakMap<QueryClient, ApiTransport>()

/** Every query of `client` asks `transport` instead of the network (the server's render of a page). */
export function setApiTransport(client: QueryClient, transport: ApiTransport): void {
  transports.set(client, transport)
}

/** What a request needs from the query asking it (React Query's query function context has both). */
export interface RequestContext {
  signal?: AbortSignal
  client?: QueryClient
}

/** GETs `path?search` through the transport of the asking query's client; the network by default. */
export function apiGet(path: string, search: URLSearchParams, { signal, client }: RequestContext = {}) {
  const query = search.toString()
  const transport = (client && transports.get(client)) ?? networkTransport
  return transport(query ? `${path}?${query}` : path, signal)
}

/**
 * GETs one BFF endpoint and checks the answer against the shared contract, so
 * a component only ever sees a page or a model of the documented shape
 * (`shape`: a check of answer-checks.ts, or a zod schema where zod is loaded anyway).
 */
export async function getJson<T>(
  path: string,
  search: URLSearchParams,
  shape: AnswerShape<T>,
  context: RequestContext = {},
): Promise<T> {
  const { signal } = context
  let response: Response
  try {
    response = await apiGet(path, search, context)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ServerUnreachableError(
      "The dashboard's server could not be reached. Check that it is running and your network is up.",
    )
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw apiErrorFrom(response, body)
  const parsed = shape.safeParse(body)
  if (!parsed.success) {
    throw new UnreadableResponseError(`The server's answer to ${path} did not have the expected shape.`)
  }
  return parsed.data
}

function apiErrorFrom(response: Response, body: unknown): ApiError {
  const retryAfter = response.headers.get('retry-after')
  const retryAfterSeconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null
  const parsed = apiErrorBodyShape.safeParse(body)
  if (!parsed.success) {
    return new ApiError(
      response.status,
      'api_error',
      `The server answered HTTP ${response.status} without an explanation.`,
      null,
      retryAfterSeconds,
    )
  }
  const { error, request_id: requestId } = parsed.data
  return new ApiError(
    response.status,
    error.type,
    error.message,
    requestId ?? null,
    retryAfterSeconds,
    error.operator_hint ?? null,
  )
}

/** `search` with the workspace to ask (`workspace=`); none means the server's default workspace. */
export function inWorkspace(workspace: string | null, search = new URLSearchParams()): URLSearchParams {
  if (workspace !== null) search.set('workspace', workspace)
  return search
}

/** The BFF refused a page cursor that is not in the view (any more): the view should start again. */
export function isStaleCursorError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && /\b(after_id|before_id)\b/.test(error.message)
}
