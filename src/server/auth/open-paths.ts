// The probes answer to anyone: they say only "alive" or "ready", and orchestrators call them by
// the pod's address, with no credentials. Everything else needs the configured identity.
const OPEN_PATHS = new Set(['/healthz', '/readyz'])

export function isOpenPath(path: string): boolean {
  return OPEN_PATHS.has(path)
}
