import type { Context } from 'hono'
import { errorBody } from '../../contract/api-error'
import type { Brotli } from '../accept-encoding'
import { compressedListAnswer, gzippedListAnswerAsync, listAnswerCoding } from '../catalogue/compressed-list-answer'
import type { ListAnswer } from '../catalogue/models-list-pages'
import { badRequest, toHttpError } from '../errors'
import { sendError } from '../respond'
import { securedResponse } from '../security-headers'
import type { WorkspaceContext } from '../workspaces/select-workspace'

/**
 * `GET /api/models`: a cursor page of one filtered, sorted view of the
 * workspace's catalogue snapshot. `refresh=1&accept=1` (believe a doubted
 * catalogue) is an operator's action: `isOperator` says who may.
 */
export function listModels(isOperator: (c: Context) => boolean = () => true, brotli?: Brotli) {
  return async (c: WorkspaceContext): Promise<Response> => {
    const { pages, keyVariable } = c.get('workspace')
    const ifNoneMatch = c.req.header('if-none-match')
    // Its answers are complete (compressAnswers leaves them be): compressed here for a client that accepts it.
    const send = async (answer: ListAnswer) => {
      const coding = listAnswerCoding(answer, c.req.header('accept-encoding'), brotli)
      const sent =
        coding === 'br'
          ? compressedListAnswer(answer, coding, brotli!.bytes)
          : coding === 'gzip'
            ? await gzippedListAnswerAsync(answer)
            : answer
      return securedResponse(sent.body, sent.status, sent.headers, c.get('requestId'))
    }
    // A built page goes through the same door as the Node fast path's (list-fast-path.ts).
    const cached = pages.answerFromCache(c.req.url, ifNoneMatch)
    if (cached) return send(cached)
    const parsed = pages.parse(c.req.url)
    if (!parsed.ok) return sendError(c, badRequest(parsed.message))
    // Before any walk: a refused accept costs the key nothing.
    if (parsed.value.refresh && parsed.value.accept && !isOperator(c)) return sendError(c, ACCEPT_REFUSED)
    try {
      return await send(await pages.answer(parsed.value, ifNoneMatch))
    } catch (error) {
      return sendError(c, toHttpError(error, { keyVariable }))
    }
  }
}

const ACCEPT_REFUSED = {
  status: 403,
  body: errorBody(
    'permission_error',
    'Accepting a catalogue the server doubts (refresh=1&accept=1) is for operators: a token with the operator role, or an account in AUTH_OPERATORS. Without accept=1 the server believes it once enough walks agree (see the README).',
  ),
  headers: {},
} as const
