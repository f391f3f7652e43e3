import { existsSync } from 'node:fs'

// Playwright cannot download its own browser here: use Debian's Chromium when
// present (or CHROMIUM_PATH), and Playwright's own browser anywhere else.
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/** Flags for headless Chromium as root on a machine whose network is closed (no background calls home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
