/** Ports of the servers the e2e run starts: out of the way of `npm start` (8787). */
export const E2E_PORTS = { upstream: 48788, live: 48787, demo: 48789 } as const

/** The key the e2e fake upstream accepts and the live-mode server sends. */
export const E2E_UPSTREAM_KEY = 'sk-ant-e2e-test-key-0123456789'
