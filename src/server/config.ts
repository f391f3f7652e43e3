import { z } from 'zod'
import { DEFAULT_WORKSPACE, WORKSPACE_NAME_PATTERN } from '../contract/workspace'
import type { UpstreamLimits } from './upstream/upstream'
import { type AuthConfig, authConfig, authEnvShape } from './auth/auth-config'

export const DEFAULT_BASE_URL = 'https://api.anthropic.com'

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))

const envSchema = z.object({
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'ANTHROPIC_BASE_URL must be an http(s) URL' })
    .default(DEFAULT_BASE_URL),
  ANTHROPIC_BETAS: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\s*,\s*[A-Za-z0-9._-]+)*$/, 'ANTHROPIC_BETAS must be a comma-separated list of beta names')
    .transform((value) => value.split(',').map((beta) => beta.trim()))
    .default([]),
  CATALOGUE_TTL_SECONDS: integer('CATALOGUE_TTL_SECONDS', 1, 86_400).default(60),
  UPSTREAM_TIMEOUT_MS: integer('UPSTREAM_TIMEOUT_MS', 100, 600_000).default(10_000),
  UPSTREAM_MAX_RETRIES: integer('UPSTREAM_MAX_RETRIES', 0, 10).default(2),
  UPSTREAM_MAX_RETRY_WAIT_MS: integer('UPSTREAM_MAX_RETRY_WAIT_MS', 0, 600_000).default(10_000),
  WALK_TIMEOUT_MS: integer('WALK_TIMEOUT_MS', 100, 3_600_000).default(30_000),
  WALK_MAX_PAGES: integer('WALK_MAX_PAGES', 1, 100_000).default(200),
  WALK_MAX_MODELS: integer('WALK_MAX_MODELS', 1, 10_000_000).default(20_000),
  UPSTREAM_MAX_PAGE_BYTES: integer('UPSTREAM_MAX_PAGE_BYTES', 1_024, 1_073_741_824).default(16 * 1024 * 1024),
  UPSTREAM_MAX_WALK_BYTES: integer('UPSTREAM_MAX_WALK_BYTES', 1_024, 4_294_967_296).default(32 * 1024 * 1024),
  UPSTREAM_MAX_MODEL_BYTES: integer('UPSTREAM_MAX_MODEL_BYTES', 256, 16_777_216).default(64 * 1024),
  RETRIEVES_PER_MINUTE: integer('RETRIEVES_PER_MINUTE', 1, 100_000).default(60),
  RETRIEVE_CONCURRENCY: integer('RETRIEVE_CONCURRENCY', 1, 1_000).default(4),
  LOOKUP_FAILURE_TTL_SECONDS: integer('LOOKUP_FAILURE_TTL_SECONDS', 0, 86_400).default(30),
  LOOKUP_ERROR_TTL_MS: integer('LOOKUP_ERROR_TTL_MS', 0, 600_000).default(5_000),
  BREAKER_FAILURES: integer('BREAKER_FAILURES', 1, 1_000).default(5),
  BREAKER_COOLDOWN_SECONDS: integer('BREAKER_COOLDOWN_SECONDS', 1, 86_400).default(30),
  BREAKER_MAX_OPEN_SECONDS: integer('BREAKER_MAX_OPEN_SECONDS', 1, 86_400).default(300),
  WALK_BACKOFF_BASE_MS: integer('WALK_BACKOFF_BASE_MS', 0, 600_000).default(5_000),
  WALK_BACKOFF_MAX_SECONDS: integer('WALK_BACKOFF_MAX_SECONDS', 1, 86_400).default(300),
  CATALOGUE_MAX_LOSS_PERCENT: integer('CATALOGUE_MAX_LOSS_PERCENT', 0, 100).default(50),
  CATALOGUE_AGREEING_WALKS: integer('CATALOGUE_AGREEING_WALKS', 1, 100).default(2),
  DEMO_MODELS: integer('DEMO_MODELS', 1, 1_000_000).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer('PORT', 0, 65_535).default(8787),
  DATA_DIR: z.string().default('./data'),
  CACHE_BUDGET_MB: integer('CACHE_BUDGET_MB', 1, 4_096).default(64),
  HISTORY_RETENTION_DAYS: integer('HISTORY_RETENTION_DAYS', 1, 36_500).default(365),
  HISTORY_MAX_CHANGES: integer('HISTORY_MAX_CHANGES', 1_000, 10_000_000).default(200_000),
  HISTORY_PENDING_MAX_MB: integer('HISTORY_PENDING_MAX_MB', 1, 4_096).default(64),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// (or postgresql://) URL')
    .optional(),
  DATABASE_POOL_MAX: integer('DATABASE_POOL_MAX', 1, 1_000).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: integer('DATABASE_CONNECT_TIMEOUT_MS', 100, 600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: integer('DATABASE_STATEMENT_TIMEOUT_MS', 100, 3_600_000).default(10_000),
  ANTHROPIC_WORKSPACE_ID: z.string().optional(),
  DEMO_WORKSPACES: z
    .string()
    .transform((value) => value.split(',').map((name) => name.trim()))
    .optional(),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'LOG_FORMAT must be json (the default) or pretty' }).default('json'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'LOG_LEVEL must be debug, info (the default), warn or error' })
    .default('info'),
  ...authEnvShape,
})

const WORKSPACE_KEY_PREFIX = 'ANTHROPIC_API_KEY_'
const WORKSPACE_ID_PREFIX = 'ANTHROPIC_WORKSPACE_ID_'

export interface NamedWorkspace {
  name: string
  /** The variable the key came from, as written, for messages that say which key to check. */
  keyVariable: string
  apiKey: string
  /** Sent as `anthropic-workspace-id`, for credentials that span workspaces. */
  workspaceId: string | null
}

export interface ServerConfig {
  /** The default workspace's key; null (with no named keys) runs the server on the built-in demo upstream. */
  apiKey: string | null
  /** The default workspace's `anthropic-workspace-id`, if its key spans workspaces. */
  workspaceId: string | null
  /** The workspaces besides the default one, from `ANTHROPIC_API_KEY_<NAME>`, sorted by name. */
  workspaces: NamedWorkspace[]
  /** Extra workspaces of the demo, each a variant of the demo catalogue. */
  demoWorkspaces: string[]
  baseURL: string
  betas: string[]
  ttlSeconds: number
  upstreamTimeoutMs: number
  upstreamMaxRetries: number
  /** The rest of what one workspace's upstream may cost, besides the attempt timeout and retries above. */
  limits: Omit<UpstreamLimits, 'attemptTimeoutMs' | 'maxRetries'>
  /** How long a failed model lookup (a 404 included) is given again without asking the upstream. */
  lookupFailureTtlMs: number
  /** How long another failed lookup (5xx, 429, timeout, breaker open) is repeated without asking the upstream. */
  lookupErrorTtlMs: number
  /** The wait after a failed walk; it doubles (jittered) with each further failure in a row. */
  walkBackoffBaseMs: number
  /** The longest wait between failed walks. */
  walkBackoffMaxMs: number
  /** A walk that loses more than this share (0–1) of the catalogue, or is empty, is doubted. */
  maxLossShare: number
  /** Doubted walks in a row that must agree before their catalogue is believed. */
  agreeingWalks: number
  /** Size of the demo catalogue; the real line-up when not set. */
  demoModels: number | null
  host: string
  port: number
  /** Where the catalogue history is kept (history.sqlite), relative to the working directory. */
  dataDir: string
  /** JSON lines for log collectors, or `pretty` for a person at a terminal. */
  logFormat: 'json' | 'pretty'
  /** The least severe level written; `debug` adds a line for each probe and scrape. */
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  /** Per workspace, the bytes a snapshot's derived caches (filtered views, serialized pages) may hold. */
  cacheBudgetBytes: number
  /** Changes older than this many days (and models removed before then) are dropped from the history. */
  historyRetentionDays: number
  /** Per workspace, the history keeps at most this many changes, the newest. */
  historyMaxChanges: number
  /** While the history's database cannot be written, walks wait in memory up to this many bytes. */
  historyPendingMaxBytes: number
  /** DATABASE_URL and its pool: the history in PostgreSQL, shared by replicas; null keeps it in DATA_DIR (SQLite). */
  database: DatabaseConfig | null
  /** Sign-in, tokens, the sign-in proxy and the Host check. */
  auth: AuthConfig
}

/** How the server talks to PostgreSQL. */
export interface DatabaseConfig {
  url: string
  /** Connections per replica, at most. */
  poolMax: number
  /** How long to wait for a connection (a new one, or a free one from the pool). */
  connectTimeoutMs: number
  /** How long one statement may run, on the server (statement_timeout) and in the client. */
  statementTimeoutMs: number
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string }

/**
 * Reads the server's configuration from the environment, once. An empty
 * variable counts as unset; a bad value gives one line that names the variable.
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((name) => {
      const value = env[name]?.trim()
      return value ? [[name, value]] : []
    }),
  )
  const result = envSchema.safeParse(present)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    // Never echo the value: it could be the key.
    const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`
    return { ok: false, message: `Configuration error: ${message}.` }
  }
  const env_ = result.data
  const workspaces = namedWorkspaces(env)
  if (!workspaces.ok) return { ok: false, message: `Configuration error: ${workspaces.message}.` }
  const apiKey = env_.ANTHROPIC_API_KEY ?? null
  const demoWorkspaces = env_.DEMO_WORKSPACES ?? []
  const problem = workspaceProblem(apiKey, workspaces.value, demoWorkspaces)
  if (problem) return { ok: false, message: `Configuration error: ${problem}.` }
  const auth = authConfig(env_)
  if (!auth.ok) return { ok: false, message: `Configuration error: ${auth.message}.` }
  return {
    ok: true,
    config: {
      apiKey,
      workspaceId: env_.ANTHROPIC_WORKSPACE_ID ?? null,
      workspaces: workspaces.value,
      demoWorkspaces,
      baseURL: env_.ANTHROPIC_BASE_URL.replace(/\/+$/, ''),
      betas: env_.ANTHROPIC_BETAS,
      ttlSeconds: env_.CATALOGUE_TTL_SECONDS,
      upstreamTimeoutMs: env_.UPSTREAM_TIMEOUT_MS,
      upstreamMaxRetries: env_.UPSTREAM_MAX_RETRIES,
      limits: {
        maxRetryWaitMs: env_.UPSTREAM_MAX_RETRY_WAIT_MS,
        walkTimeoutMs: env_.WALK_TIMEOUT_MS,
        walkMaxPages: env_.WALK_MAX_PAGES,
        walkMaxModels: env_.WALK_MAX_MODELS,
        maxPageBytes: env_.UPSTREAM_MAX_PAGE_BYTES,
        maxWalkBytes: env_.UPSTREAM_MAX_WALK_BYTES,
        maxModelBytes: env_.UPSTREAM_MAX_MODEL_BYTES,
        retrievesPerMinute: env_.RETRIEVES_PER_MINUTE,
        retrieveConcurrency: env_.RETRIEVE_CONCURRENCY,
        breakerFailures: env_.BREAKER_FAILURES,
        breakerCooldownMs: env_.BREAKER_COOLDOWN_SECONDS * 1000,
        breakerMaxOpenMs: env_.BREAKER_MAX_OPEN_SECONDS * 1000,
      },
      lookupFailureTtlMs: env_.LOOKUP_FAILURE_TTL_SECONDS * 1000,
      lookupErrorTtlMs: env_.LOOKUP_ERROR_TTL_MS,
      walkBackoffBaseMs: env_.WALK_BACKOFF_BASE_MS,
      walkBackoffMaxMs: env_.WALK_BACKOFF_MAX_SECONDS * 1000,
      maxLossShare: env_.CATALOGUE_MAX_LOSS_PERCENT / 100,
      agreeingWalks: env_.CATALOGUE_AGREEING_WALKS,
      demoModels: env_.DEMO_MODELS ?? null,
      host: env_.HOST,
      port: env_.PORT,
      dataDir: env_.DATA_DIR,
      logFormat: env_.LOG_FORMAT,
      logLevel: env_.LOG_LEVEL,
      cacheBudgetBytes: env_.CACHE_BUDGET_MB * 1024 * 1024,
      historyRetentionDays: env_.HISTORY_RETENTION_DAYS,
      historyMaxChanges: env_.HISTORY_MAX_CHANGES,
      historyPendingMaxBytes: env_.HISTORY_PENDING_MAX_MB * 1024 * 1024,
      database: env_.DATABASE_URL
        ? {
            url: env_.DATABASE_URL,
            poolMax: env_.DATABASE_POOL_MAX,
            connectTimeoutMs: env_.DATABASE_CONNECT_TIMEOUT_MS,
            statementTimeoutMs: env_.DATABASE_STATEMENT_TIMEOUT_MS,
          }
        : null,
      auth: auth.value,
    },
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/** Each `ANTHROPIC_API_KEY_<NAME>` (and its optional `ANTHROPIC_WORKSPACE_ID_<NAME>`), as a workspace called name. */
function namedWorkspaces(env: Record<string, string | undefined>): Parsed<NamedWorkspace[]> {
  const workspaces: NamedWorkspace[] = []
  const names = new Set<string>()
  for (const [variable, raw] of Object.entries(env)) {
    const value = raw?.trim()
    if (!variable.startsWith(WORKSPACE_KEY_PREFIX) || !value) continue
    const name = variable.slice(WORKSPACE_KEY_PREFIX.length).toLowerCase()
    const nameProblem = workspaceNameProblem(name)
    if (nameProblem) return { ok: false, message: `${variable}: ${nameProblem}` }
    if (names.has(name)) return { ok: false, message: `${variable}: a workspace called ${name} is set twice` }
    names.add(name)
    const workspaceId = env[`${WORKSPACE_ID_PREFIX}${variable.slice(WORKSPACE_KEY_PREFIX.length)}`]?.trim() || null
    workspaces.push({ name, keyVariable: variable, apiKey: value, workspaceId })
  }
  for (const [variable, raw] of Object.entries(env)) {
    if (!variable.startsWith(WORKSPACE_ID_PREFIX) || !raw?.trim()) continue
    const name = variable.slice(WORKSPACE_ID_PREFIX.length).toLowerCase()
    if (!names.has(name)) {
      return {
        ok: false,
        message: `${variable} is set, but ${WORKSPACE_KEY_PREFIX}${variable.slice(WORKSPACE_ID_PREFIX.length)} (its key) is not`,
      }
    }
  }
  return { ok: true, value: workspaces.sort((a, b) => a.name.localeCompare(b.name)) }
}

function workspaceNameProblem(name: string): string | null {
  if (name === DEFAULT_WORKSPACE)
    return `"${DEFAULT_WORKSPACE}" is the workspace of ANTHROPIC_API_KEY; pick another name`
  if (!WORKSPACE_NAME_PATTERN.test(name)) {
    return 'a workspace name must be 1–32 letters, digits, _ or -, starting with a letter or digit'
  }
  return null
}

function workspaceProblem(
  apiKey: string | null,
  named: readonly NamedWorkspace[],
  demo: readonly string[],
): string | null {
  if (named.length > 0 && !apiKey) {
    return `${WORKSPACE_KEY_PREFIX}${named[0]!.name.toUpperCase()} adds a workspace to the default one, so ANTHROPIC_API_KEY must be set too`
  }
  if (demo.length > 0 && apiKey) {
    return 'DEMO_WORKSPACES is for the demo; with a key, add workspaces with ANTHROPIC_API_KEY_<NAME>'
  }
  for (const name of demo) {
    const problem =
      workspaceNameProblem(name.toLowerCase()) ??
      (name !== name.toLowerCase() ? 'workspace names are lower case' : null)
    if (problem) return `DEMO_WORKSPACES: ${problem}`
  }
  if (new Set(demo).size !== demo.length) return 'DEMO_WORKSPACES names a workspace twice'
  return null
}
