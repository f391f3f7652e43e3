import type { Context, MiddlewareHandler } from 'hono'
import { errorBody } from '../contract/api-error'
import { sendError } from './respond'

/** What a client told to come back is told to wait: a restart takes a few seconds. */
export const RETRY_AFTER_STOPPING_SECONDS = 5

/**
 * Once `stopping` is aborted (the server is shutting down and its grace for
 * answers in flight is over), every request still waiting (on a walk, say) and
 * every new one is answered at once with a 503 and Retry-After, in the error
 * shape, so that no client hangs on a process about to exit.
 */
export function answerWhileStopping(stopping: AbortSignal): MiddlewareHandler {
  const stopped = new Promise<'stopped'>((resolve) =>
    stopping.addEventListener('abort', () => resolve('stopped'), { once: true }),
  )
  const refuse = (c: Context) =>
    sendError(c, {
      status: 503,
      body: errorBody(
        'api_error',
        `The server is stopping (a restart or an update). Retry in ${RETRY_AFTER_STOPPING_SECONDS} seconds.`,
      ),
      headers: { 'Retry-After': String(RETRY_AFTER_STOPPING_SECONDS) },
    })
  return async (c, next) => {
    if (stopping.aborted) return refuse(c)
    const outcome = await Promise.race([next().then(() => 'answered' as const), stopped])
    // The handler may still finish later; its answer is then dropped, as the context already has this one.
    if (outcome === 'stopped') return refuse(c)
  }
}
