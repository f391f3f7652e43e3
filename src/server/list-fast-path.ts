import type { IncomingMessage, RequestListener } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { Brotli } from './accept-encoding'
import { compressedListAnswer, listAnswerCoding } from './catalogue/compressed-list-answer'
import type { ListAnswer } from './catalogue/models-list-pages'
import { newRequestId } from './observability/request-id'
import type { RequestRecorder } from './observability/request-recorder'

/** Answers `GET /api/models` from the page cache alone, or gives undefined the route's own door (ModelsListPages.answerFromCache), when the caller needs no sign-in and the Host is allowed. */
export type ListAnswerFromCache = (
  url: string,
  ifNoneMatch: string | undefined,
  host: string | undefined,
) => ListAnswer | undefined

// The Node adapter hands Hono these request targets and hosts as they are (the same tests as its own),
// so the answer here is to the very URL the route would see; any other request goes through the adapter.
const PLAIN_LIST_URL = /^\/api\/models(?:\?[!$&-;=?-[\]_a-z~]*)?$/
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/
const gzipped = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes))

// The route it stands for: the label and log field the Hono route's answers get too.
const FAST_PATH_ROUTE = '/api/models'

function isPlainListRequest(request: IncomingMessage): boolean {
  return (
    request.method === 'GET' && PLAIN_LIST_URL.test(request.url ?? '') && PLAIN_HOST.test(request.headers.host ?? '')
  )
}

/**
 * A Node request listener that sends a cached list page itself, with the
 * bytes and headers the Hono route sends, and hands every other request to
 * `next` (the Hono app): other paths and methods, a page not built yet, a
 * snapshot due for a refresh, `refresh=1`, a bad parameter. A cached answer
 * then costs no Request, Response, routing or middleware, which were most
 * of its cost. Its answers carry a request id and are logged and timed
 * (`record`) like the app's.
 */
export function withListFastPath(
  answerFromCache: ListAnswerFromCache,
  next: RequestListener,
  record: RequestRecorder,
  /** The brotli the app was given (createApp's `brotli`): the same codings, with the same bytes, as its route. */
  brotli?: Brotli,
): RequestListener {
  return (request, response) => {
    const started = performance.now()
    let answer: ListAnswer | undefined
    try {
      if (isPlainListRequest(request))
        answer = answerFromCache(request.url!, request.headers['if-none-match'], request.headers.host)
    } catch {
      // The route runs the same code: it answers the error and logs it.
    }
    if (!answer) return next(request, response)
    const requestId = newRequestId()
    response.setHeader('request-id', requestId)
    // Negotiated as the route does: compressed for a client that accepts brotli or gzip.
    const coding = listAnswerCoding(answer, request.headers['accept-encoding'], brotli)
    if (coding === 'br') answer = compressedListAnswer(answer, coding, brotli!.bytes)
    else if (coding === 'gzip') answer = compressedListAnswer(answer, coding, gzipped)
    response.writeHead(answer.status, answer.headers).end(answer.body)
    const url = request.url!
    const queryStart = url.indexOf('?')
    record({
      requestId,
      method: 'GET',
      route: FAST_PATH_ROUTE,
      path: queryStart < 0 ? url : url.slice(0, queryStart),
      status: answer.status,
      seconds: (performance.now() - started) / 1000,
      // It runs outside the app's middleware, where the caller's identity is set.
      user: null,
      workspace: answer.workspace,
    })
  }
}
