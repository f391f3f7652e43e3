import type { Context } from 'hono'
import type { HistoryStore } from '../history/history-store'
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
 *
 * Its second line reports the history store (engine, and whether its database
 * answers within a second). A store that does not answer leaves the replica
 * ready: it still serves the catalogue, and every replica shares the database,
 * so taking them all out of the balancer would only stop the lists too.
 */
export function readiness(workspaces: Workspaces, isShuttingDown: () => boolean, store: HistoryStore) {
  return async (c: Context): Promise<Response> => {
    if (isShuttingDown()) return c.text('shutting down\n', 503, PROBE_HEADERS)
    let ready = true
    for (const { catalogue } of workspaces.all) {
      const state = catalogue.peek()
      if (state.snapshot || state.refreshError) continue
      ready = false
      // Not walked yet (no warm-up, as in a test): start the first walk, or wait on the one under way.
      catalogue.get().catch(() => {})
    }
    const { engine, reachable } = await store.status()
    const storeLine = `history store: ${engine}, ${reachable ? 'reachable' : 'unreachable'}\n`
    return ready
      ? c.text(`ready\n${storeLine}`, 200, PROBE_HEADERS)
      : c.text(`starting\n${storeLine}`, 503, PROBE_HEADERS)
  }
}
