/** Ports of the servers the e2e run starts: out of the way of `npm start` (8787). */
export const E2E_PORTS = {
  /** The fake upstream most tests share, with a few hundred models. */
  upstream: 48788,
  /** The built server in live mode against that fake upstream. */
  live: 48787,
  /** The built server in demo mode (no key). */
  demo: 48789,
  /** A second fake upstream that starts out failing, so its server has no snapshot yet. */
  coldUpstream: 48790,
  /** The built server against the cold upstream: where list errors reach the page. */
  cold: 48791,
} as const

/** The key the e2e fake upstreams accept and the live-mode servers send. */
export const E2E_UPSTREAM_KEY = 'sk-ant-e2e-test-key-0123456789'
