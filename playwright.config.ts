import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium'
import { E2E_PORTS, E2E_UPSTREAM_KEY } from './e2e/support/ports'
import { OIDC_PROVIDER, SIGN_IN_DASHBOARD, SIGN_IN_SERVER_ENV } from './e2e/support/sign-in'

const live = `http://127.0.0.1:${E2E_PORTS.live}`

export default defineConfig({
  testDir: 'e2e',
  // One fake upstream is shared and some tests switch its faults: run one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: live,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: 'node dist/server/fake-upstream.js',
      url: `http://127.0.0.1:${E2E_PORTS.upstream}/__fake/health`,
      env: { FAKE_UPSTREAM_PORT: String(E2E_PORTS.upstream), FAKE_UPSTREAM_KEY: E2E_UPSTREAM_KEY, DEMO_MODELS: '300' },
      reuseExistingServer: false,
    },
    {
      command: 'node dist/server/main.js',
      url: `${live}/api/health`,
      env: {
        PORT: String(E2E_PORTS.live),
        ANTHROPIC_API_KEY: E2E_UPSTREAM_KEY,
        // Two more workspaces: staging (the same key, another workspace id, so the fake lists a variant
        // of its catalogue) and broken (a key the fake refuses), as an operator would configure them.
        ANTHROPIC_API_KEY_STAGING: E2E_UPSTREAM_KEY,
        ANTHROPIC_WORKSPACE_ID_STAGING: 'staging',
        ANTHROPIC_API_KEY_BROKEN: 'sk-ant-e2e-refused-key',
        ANTHROPIC_BASE_URL: `http://127.0.0.1:${E2E_PORTS.upstream}`,
        UPSTREAM_MAX_RETRIES: '0',
        UPSTREAM_TIMEOUT_MS: '2000',
        // One person's tests look up many ids in a row; the budget itself is tested in src/server/visitor-floods.test.ts.
        RETRIEVES_PER_MINUTE: '600',
        RETRIEVE_CONCURRENCY: '8',
        // A history of its own, new each run: one server per DATA_DIR, and the first walk is the baseline.
        DATA_DIR: mkdtempSync(join(tmpdir(), 'catalogue-e2e-history-')),
      },
      reuseExistingServer: false,
    },
    {
      command: 'node dist/server/fake-upstream.js',
      url: `http://127.0.0.1:${E2E_PORTS.coldUpstream}/__fake/health`,
      env: {
        FAKE_UPSTREAM_PORT: String(E2E_PORTS.coldUpstream),
        FAKE_UPSTREAM_KEY: E2E_UPSTREAM_KEY,
        FAKE_UPSTREAM_FAULT: JSON.stringify({ kind: 'status', status: 401 }),
      },
      reuseExistingServer: false,
    },
    {
      command: 'node dist/server/main.js',
      url: `http://127.0.0.1:${E2E_PORTS.cold}/api/health`,
      env: {
        PORT: String(E2E_PORTS.cold),
        ANTHROPIC_API_KEY: E2E_UPSTREAM_KEY,
        ANTHROPIC_BASE_URL: `http://127.0.0.1:${E2E_PORTS.coldUpstream}`,
        UPSTREAM_MAX_RETRIES: '0',
        UPSTREAM_TIMEOUT_MS: '1000',
        // Each Retry must meet the next fault at once: no back-off or breaker between them (both tested in src/server).
        WALK_BACKOFF_BASE_MS: '0',
        BREAKER_FAILURES: '100',
        // Its own history too: a DATA_DIR takes one server at a time.
        DATA_DIR: mkdtempSync(join(tmpdir(), 'catalogue-e2e-cold-history-')),
      },
      reuseExistingServer: false,
    },
    {
      command: 'node dist/server/main.js',
      url: `http://127.0.0.1:${E2E_PORTS.demo}/api/health`,
      // Demo mode: no key at all, whatever the machine's environment holds.
      env: { PORT: String(E2E_PORTS.demo), ANTHROPIC_API_KEY: '' },
      reuseExistingServer: false,
    },
    {
      command: 'npx tsx e2e/support/oidc-provider-server.ts',
      url: `${OIDC_PROVIDER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
    },
    {
      command: 'node dist/server/main.js',
      // Behind sign-in, the page answers 302: ready is any answer at all.
      url: `${SIGN_IN_DASHBOARD}/auth/signed-out`,
      env: SIGN_IN_SERVER_ENV,
      reuseExistingServer: false,
    },
  ],
})
