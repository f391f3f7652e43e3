import { UpstreamDeadlineError } from './upstream-errors'

/** A signal that aborts after `ms` with an UpstreamDeadlineError saying `what` ran over; `clear` stops its timer. */
export function deadlineSignal(ms: number, what: string): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new UpstreamDeadlineError(`${what} did not finish within ${ms} ms`)),
    ms,
  )
  return { signal: controller.signal, clear: () => clearTimeout(timer) }
}
