import { linkedSignal } from './linked-signal'
import { UpstreamDeadlineError } from './upstream-errors'

/**
 * A signal that aborts after `ms` with an UpstreamDeadlineError saying `what`
 * ran over, or as soon as one of `links` aborts (a caller's signal, the
 * server's stop), with its reason. `clear` stops its timer and unlinks it:
 * call it once the work is over.
 */
export function deadlineSignal(
  ms: number,
  what: string,
  links: readonly (AbortSignal | undefined)[] = [],
): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new UpstreamDeadlineError(`${what} did not finish within ${ms} ms`)),
    ms,
  )
  const { signal, unlink } = linkedSignal([controller.signal, ...links])
  return {
    signal,
    clear: () => {
      clearTimeout(timer)
      unlink()
    },
  }
}
