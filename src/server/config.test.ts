import { describe, expect, it } from 'vitest'
import { parseCidr } from './auth/cidr'
import { DEFAULT_BASE_URL, parseConfig } from './config'

const TEST_KEY = 'sk-ant-test-config-3f9a1c'

/** The README's documented defaults of the upstream limits. */
const DEFAULT_LIMITS = {
  maxRetryWaitMs: 10_000,
  walkTimeoutMs: 30_000,
  walkMaxPages: 200,
  walkMaxModels: 20_000,
  maxPageBytes: 16 * 1024 * 1024,
  maxWalkBytes: 32 * 1024 * 1024,
  maxModelBytes: 64 * 1024,
  retrievesPerMinute: 60,
  retrieveConcurrency: 4,
  breakerFailures: 5,
  breakerCooldownMs: 30_000,
  breakerMaxOpenMs: 300_000,
}

function failure(env: Record<string, string | undefined>): string {
  const result = parseConfig(env)
  if (result.ok) throw new Error('expected a configuration error')
  return result.message
}

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment: demo mode on 127.0.0.1:8787', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        apiKey: null,
        workspaceId: null,
        workspaces: [],
        demoWorkspaces: [],
        baseURL: DEFAULT_BASE_URL,
        betas: [],
        ttlSeconds: 60,
        upstreamTimeoutMs: 10_000,
        upstreamMaxRetries: 2,
        limits: DEFAULT_LIMITS,
        lookupFailureTtlMs: 30_000,
        lookupErrorTtlMs: 5_000,
        walkBackoffBaseMs: 5_000,
        walkBackoffMaxMs: 300_000,
        maxLossShare: 0.5,
        agreeingWalks: 2,
        demoModels: null,
        host: '127.0.0.1',
        port: 8787,
        dataDir: './data',
        logFormat: 'json',
        logLevel: 'info',
        cacheBudgetBytes: 64 * 1024 * 1024,
        historyRetentionDays: 365,
        historyMaxChanges: 200_000,
        historyPendingMaxBytes: 64 * 1024 * 1024,
        database: null,
        auth: {
          open: false,
          publicUrl: null,
          allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
          tokensFile: null,
          proxy: null,
          oidc: null,
          allowedEmails: [],
          allowedDomains: [],
          operators: [],
          localOperator: true,
        },
      },
    })
  })

  it('counts empty and blank variables as unset', () => {
    const blank = parseConfig({
      ANTHROPIC_API_KEY: '',
      ANTHROPIC_BASE_URL: '',
      ANTHROPIC_BETAS: ' ',
      CATALOGUE_TTL_SECONDS: '',
      UPSTREAM_TIMEOUT_MS: '',
      HOST: '',
      PORT: '',
      DATA_DIR: ' ',
    })
    expect(blank).toEqual(parseConfig({}))
  })

  it('reads every variable into the typed config', () => {
    const result = parseConfig({
      ANTHROPIC_API_KEY: TEST_KEY,
      ANTHROPIC_BASE_URL: 'http://localhost:8788/',
      ANTHROPIC_BETAS: 'beta-one, beta-two',
      CATALOGUE_TTL_SECONDS: '30',
      UPSTREAM_TIMEOUT_MS: '2500',
      UPSTREAM_MAX_RETRIES: '0',
      DEMO_MODELS: '10000',
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/var/lib/model-catalogue',
      CACHE_BUDGET_MB: '256',
      HISTORY_RETENTION_DAYS: '30',
      HISTORY_MAX_CHANGES: '5000',
      HISTORY_PENDING_MAX_MB: '8',
      DATABASE_URL: 'postgres://catalogue:secret@db.internal:5432/catalogue',
      DATABASE_POOL_MAX: '4',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      ANTHROPIC_WORKSPACE_ID: 'wrkspc_default',
      LOG_FORMAT: 'pretty',
      LOG_LEVEL: 'debug',
      PUBLIC_URL: 'https://catalogue.example.com/',
      ALLOWED_HOSTS: 'catalogue.example.com, Internal.Example:8443',
      AUTH_TOKENS_FILE: '/etc/model-catalogue/tokens',
      AUTH_PROXY_HEADER: 'X-Forwarded-Email',
      AUTH_PROXY_TRUSTED: '10.0.0.0/8, fd00::/8',
      OIDC_ISSUER: 'https://sso.example.com',
      OIDC_CLIENT_ID: 'catalogue',
      OIDC_CLIENT_SECRET: 'client-secret-value',
      SESSION_SECRET: 'x'.repeat(32),
      SESSION_MAX_AGE_SECONDS: '3600',
      AUTH_ALLOWED_EMAILS: 'Ada@Example.com, bob@other.org',
      AUTH_ALLOWED_DOMAINS: '@example.com',
      AUTH_OPERATORS: 'Ada@Example.com, oncall@example.com',
    })
    expect(result).toEqual({
      ok: true,
      config: {
        apiKey: TEST_KEY,
        workspaceId: 'wrkspc_default',
        workspaces: [],
        demoWorkspaces: [],
        baseURL: 'http://localhost:8788',
        betas: ['beta-one', 'beta-two'],
        ttlSeconds: 30,
        upstreamTimeoutMs: 2500,
        upstreamMaxRetries: 0,
        limits: DEFAULT_LIMITS,
        lookupFailureTtlMs: 30_000,
        lookupErrorTtlMs: 5_000,
        walkBackoffBaseMs: 5_000,
        walkBackoffMaxMs: 300_000,
        maxLossShare: 0.5,
        agreeingWalks: 2,
        demoModels: 10_000,
        host: '0.0.0.0',
        port: 9000,
        dataDir: '/var/lib/model-catalogue',
        logFormat: 'pretty',
        logLevel: 'debug',
        cacheBudgetBytes: 256 * 1024 * 1024,
        historyRetentionDays: 30,
        historyMaxChanges: 5000,
        historyPendingMaxBytes: 8 * 1024 * 1024,
        database: {
          url: 'postgres://catalogue:secret@db.internal:5432/catalogue',
          poolMax: 4,
          connectTimeoutMs: 2_000,
          statementTimeoutMs: 3_000,
        },
        auth: {
          open: false,
          publicUrl: 'https://catalogue.example.com',
          allowedHosts: ['catalogue.example.com', 'internal.example:8443'],
          tokensFile: '/etc/model-catalogue/tokens',
          proxy: { header: 'x-forwarded-email', trusted: [parseCidr('10.0.0.0/8'), parseCidr('fd00::/8')] },
          oidc: {
            issuer: 'https://sso.example.com',
            clientId: 'catalogue',
            clientSecret: 'client-secret-value',
            sessionSecret: 'x'.repeat(32),
            sessionMaxAgeSeconds: 3600,
          },
          allowedEmails: ['ada@example.com', 'bob@other.org'],
          allowedDomains: ['example.com'],
          operators: ['ada@example.com', 'oncall@example.com'],
          localOperator: false,
        },
      },
    })
  })

  describe('workspaces', () => {
    it('adds a workspace for each ANTHROPIC_API_KEY_<NAME>, named in lower case and sorted, with its optional workspace id', () => {
      const result = parseConfig({
        ANTHROPIC_API_KEY: TEST_KEY,
        ANTHROPIC_API_KEY_STAGING: `${TEST_KEY}-staging`,
        ANTHROPIC_API_KEY_EU_WEST: `${TEST_KEY}-eu`,
        ANTHROPIC_WORKSPACE_ID_EU_WEST: 'wrkspc_eu',
        ANTHROPIC_API_KEY_EMPTY: ' ',
      })
      expect(result.ok && result.config.workspaces).toEqual([
        {
          name: 'eu_west',
          keyVariable: 'ANTHROPIC_API_KEY_EU_WEST',
          apiKey: `${TEST_KEY}-eu`,
          workspaceId: 'wrkspc_eu',
        },
        { name: 'staging', keyVariable: 'ANTHROPIC_API_KEY_STAGING', apiKey: `${TEST_KEY}-staging`, workspaceId: null },
      ])
    })

    it('reads DEMO_WORKSPACES as a comma list of names for the demo', () => {
      const result = parseConfig({ DEMO_WORKSPACES: 'staging, eu-west' })
      expect(result.ok && result.config.demoWorkspaces).toEqual(['staging', 'eu-west'])
    })

    it.each([
      [{ ANTHROPIC_API_KEY_STAGING: TEST_KEY }, 'ANTHROPIC_API_KEY must be set too'],
      [
        { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_API_KEY_DEFAULT: TEST_KEY },
        '"default" is the workspace of ANTHROPIC_API_KEY',
      ],
      [{ ANTHROPIC_API_KEY: TEST_KEY, 'ANTHROPIC_API_KEY_EU.WEST': TEST_KEY }, 'letters, digits, _ or -'],
      [
        { ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_WORKSPACE_ID_PROD: 'wrkspc_1' },
        'ANTHROPIC_API_KEY_PROD (its key) is not',
      ],
      [{ ANTHROPIC_API_KEY: TEST_KEY, DEMO_WORKSPACES: 'staging' }, 'DEMO_WORKSPACES is for the demo'],
      [{ DEMO_WORKSPACES: 'staging,staging' }, 'names a workspace twice'],
      [{ DEMO_WORKSPACES: 'Staging' }, 'lower case'],
      [{ DEMO_WORKSPACES: 'default' }, '"default" is the workspace of ANTHROPIC_API_KEY'],
    ])('refuses %o with a message that says what to change', (env, message) => {
      const text = failure(env)
      expect(text).toContain(message)
      // The message names variables, never a key.
      expect(text).not.toContain(TEST_KEY)
    })
  })

  it('reads LOOKUP_ERROR_TTL_MS, 0 included (failed lookups not repeated)', () => {
    const read = (value: string) => {
      const result = parseConfig({ LOOKUP_ERROR_TTL_MS: value })
      return result.ok ? result.config.lookupErrorTtlMs : null
    }
    expect([read('0'), read('2500'), read('600000')]).toEqual([0, 2_500, 600_000])
  })

  it('ignores variables it does not know', () => {
    expect(parseConfig({ NODE_ENV: 'production', SOMETHING_ELSE: 'x' })).toEqual(parseConfig({}))
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['CATALOGUE_TTL_SECONDS', '-1'],
    ['CATALOGUE_TTL_SECONDS', '0'],
    ['CATALOGUE_TTL_SECONDS', '1.5'],
    ['UPSTREAM_TIMEOUT_MS', 'soon'],
    ['ANTHROPIC_BASE_URL', 'not a url'],
    ['ANTHROPIC_BASE_URL', 'ftp://upstream.test'],
    ['ANTHROPIC_BETAS', 'a b;c'],
    ['LOG_FORMAT', 'xml'],
    ['LOG_LEVEL', 'verbose'],
    ['CACHE_BUDGET_MB', '0'],
    ['CACHE_BUDGET_MB', '1e3'],
    ['HISTORY_RETENTION_DAYS', '0'],
    ['HISTORY_RETENTION_DAYS', 'forever'],
    ['HISTORY_MAX_CHANGES', '10'],
    ['HISTORY_PENDING_MAX_MB', '0'],
    ['DATABASE_URL', 'mysql://db.internal/catalogue'],
    ['DATABASE_URL', 'db.internal:5432'],
    ['DATABASE_POOL_MAX', '0'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '5'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', 'never'],
    ['LOOKUP_ERROR_TTL_MS', '-1'],
    ['LOOKUP_ERROR_TTL_MS', '5s'],
    ['LOOKUP_ERROR_TTL_MS', '600001'],
  ])('refuses %s=%s with one line naming the variable, never the key', (name, value) => {
    const message = failure({ ANTHROPIC_API_KEY: TEST_KEY, [name]: value })
    expect(message).toContain(name)
    expect(message).not.toContain('\n')
    expect(message).not.toContain(TEST_KEY)
  })

  it('never echoes a bad value, which could be a key pasted into the wrong variable', () => {
    const message = failure({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: TEST_KEY })
    expect(message).toContain('ANTHROPIC_BASE_URL')
    expect(message).not.toContain(TEST_KEY)
  })
})
