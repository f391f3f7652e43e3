/**
 * Ports of the servers the e2e run starts: out of the way of `npm start` (8787).
 * `E2E_PORT_BASE` moves the whole block, so two checkouts can run their e2e suites at once.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 48787)

export const E2E_PORTS = {
  /** The fake upstream most tests share, with a few hundred models. */
  upstream: base + 1,
  /** The built server in live mode against that fake upstream. */
  live: base,
  /** The built server in demo mode (no key). */
  demo: base + 2,
  /** A second fake upstream that starts out failing, so its server has no snapshot yet. */
  coldUpstream: base + 3,
  /** The built server against the cold upstream: where list errors reach the page. */
  cold: base + 4,
  /** Servers the start-and-stop spec starts and stops itself, and their fake upstream. */
  lifecycle: base + 5,
  lifecycleSecond: base + 6,
  lifecycleUpstream: base + 7,
  /** A real OpenID provider (oidc-provider) for the sign-in tests. */
  oidcProvider: base + 8,
  /** The built server with single sign-on through that provider. */
  signIn: base + 9,
} as const

/** The key the e2e fake upstreams accept and the live-mode servers send. */
export const E2E_UPSTREAM_KEY = 'sk-ant-e2e-test-key-0123456789'
