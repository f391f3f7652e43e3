import type { IncomingMessage, RequestListener } from 'node:http'
import type { ListAnswer } from './routes/models-list'

/** Answers `GET /api/models` from the page cache alone, or gives undefined (see answerListFromCache). */
export type ListAnswerFromCache = (
  url: string,
  ifNoneMatch: string | undefined,
  host: string | undefined,
) => ListAnswer | undefined

// The Node adapter hands Hono these request targets and hosts as they are (the same tests as its own),
// so the answer here is to the very URL the route would see; any other request goes through the adapter.
const PLAIN_LIST_URL = /^\/api\/models(?:\?[!$&-;=?-[\]_a-z~]*)?$/
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/

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
 * of its cost.
 */
export function withListFastPath(answerFromCache: ListAnswerFromCache, next: RequestListener): RequestListener {
  return (request, response) => {
    let answer: ListAnswer | undefined
    try {
      if (isPlainListRequest(request))
        answer = answerFromCache(request.url!, request.headers['if-none-match'], request.headers.host)
    } catch {
      // The route runs the same code: it answers the error and logs it.
    }
    if (!answer) return next(request, response)
    response.writeHead(answer.status, answer.headers).end(answer.body)
  }
}
