import type { Context } from 'hono'
import type { Workspaces } from '../workspaces/workspaces'

const PROBE_HEADERS = { 'Cache-Control': 'no-store' }

/** `GET /healthz`: the process is up and answering. It looks at nothing else, so it costs nothing. */
export function liveness() {
  return (c: Context): Response => c.text('ok\n', 200, PROBE_HEADERS)
}

/**
 * `GET /readyz`: 200 once every workspace has a catalogue snapshot or a
 * failed first walk to report (the dashboard can then answer, if only with
 * the error), 503 before that and from the start of a shutdown. Like
 * /healthz it names no workspace and no error: it is open without sign-in.
 */
export function readiness(workspaces: Workspaces, isShuttingDown: () => boolean) {
  return (c: Context): Response => {
    if (isShuttingDown()) return c.text('shutting down\n', 503, PROBE_HEADERS)
    let ready = true
    for (const { catalogue } of workspaces.all) {
      const state = catalogue.peek()
      if (state.snapshot || state.refreshError) continue
      ready = false
      // Not walked yet (no warm-up, as in a test): start the first walk, or wait on the one under way.
      catalogue.get().catch(() => {})
    }
    return ready ? c.text('ready\n', 200, PROBE_HEADERS) : c.text('starting\n', 503, PROBE_HEADERS)
  }
}
