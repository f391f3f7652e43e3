import * as z from 'zod/mini'
import { expect } from 'vitest'
import { type ApiErrorBody, apiErrorBodySchema } from '../contract/api-error'
import { type Model, type ModelPage, modelPageSchema } from '../contract/model'
import { createFakeUpstream, FAKE_API_KEY, type FakeUpstreamOptions } from '../fake-upstream/fake-upstream'
import { NO_AUTH } from '../server/auth/auth-config'
import { parseConfig, type ServerConfig } from '../server/config'
import { type AppDependencies, createApp } from '../server/create-app'
import type { LogFields, Logger } from '../server/logger'

const DEFAULTS = parseConfig({})
if (!DEFAULTS.ok) throw new Error(DEFAULTS.message)
const { limits, lookupFailureTtlMs, walkBackoffBaseMs, walkBackoffMaxMs, maxLossShare, agreeingWalks } = DEFAULTS.config

/** A live-mode configuration whose upstream is the fake: no network, no retries, short timeouts, default limits. */
export const TEST_CONFIG: ServerConfig = {
  limits,
  lookupFailureTtlMs,
  lookupErrorTtlMs: DEFAULTS.config.lookupErrorTtlMs,
  walkBackoffBaseMs,
  walkBackoffMaxMs,
  maxLossShare,
  agreeingWalks,
  apiKey: FAKE_API_KEY,
  workspaceId: null,
  workspaces: [],
  demoWorkspaces: [],
  baseURL: 'http://upstream.test',
  betas: [],
  ttlSeconds: 60,
  upstreamTimeoutMs: 200,
  upstreamMaxRetries: 0,
  demoModels: null,
  host: '127.0.0.1',
  port: 0,
  dataDir: './data',
  logFormat: 'json',
  logLevel: 'info',
  cacheBudgetBytes: 64 * 1024 * 1024,
  historyRetentionDays: 365,
  historyMaxChanges: 200_000,
  historyPendingMaxBytes: 64 * 1024 * 1024,
  database: null,
  auth: NO_AUTH,
}

/** A clock that only moves when a test moves it. */
export function createFakeClock(start = Date.UTC(2026, 0, 15, 12)) {
  let time = start
  return {
    now: () => time,
    advance(ms: number) {
      time += ms
    },
  }
}

/** One line a capturing logger kept. */
export interface CapturedLine {
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
  fields: LogFields | undefined
}

/** A logger that keeps every line (`lines`: the message, then its fields as JSON), to search them afterwards. */
export function createCapturingLogger(): Logger & { lines: string[]; records: CapturedLine[] } {
  const lines: string[] = []
  const records: CapturedLine[] = []
  const keep = (level: CapturedLine['level']) => (message: string, fields?: LogFields) => {
    records.push({ level, message, fields })
    lines.push(fields ? `${message} ${JSON.stringify(fields)}` : message)
  }
  return { lines, records, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') }
}

export interface TestAppOptions {
  config?: Partial<ServerConfig>
  upstream?: FakeUpstreamOptions
  pacing?: AppDependencies['pacing']
  /** The catalogue history's store; a fresh one in memory when not given. */
  history?: AppDependencies['history']
  /** The lines of AUTH_TOKENS_FILE, and the address each request comes from (for the sign-in proxy). */
  tokens?: AppDependencies['tokens']
  remoteAddress?: AppDependencies['remoteAddress']
  /** Brotli for the answers, as the Node entry gives it (node-brotli.ts); without it, gzip only. */
  brotli?: AppDependencies['brotli']
  /** Wraps the fake's fetch, to watch what the server reads from it. */
  transport?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch
  stopping?: AbortSignal
}

/**
 * The BFF over a fresh fake upstream, with a fake clock and a capturing logger.
 * The fake knows the config's key unless the test gives it another.
 */
export function createTestApp(options: TestAppOptions = {}) {
  const config = { ...TEST_CONFIG, ...options.config }
  const fake = createFakeUpstream({ apiKey: config.apiKey ?? FAKE_API_KEY, ...options.upstream })
  const clock = createFakeClock()
  const logger = createCapturingLogger()
  const app = createApp(config, {
    fetch: options.transport ? options.transport(fake.fetch) : fake.fetch,
    now: clock.now,
    logger,
    pacing: options.pacing,
    history: options.history,
    tokens: options.tokens,
    remoteAddress: options.remoteAddress,
    brotli: options.brotli,
    stopping: options.stopping,
  })

  async function listPage(search: string | Record<string, string> = {}): Promise<ModelPage> {
    const query = new URLSearchParams(search).toString()
    const response = await app.request(`/api/models${query ? `?${query}` : ''}`)
    const body: unknown = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(200)
    return modelPageSchema.parse(body)
  }

  return { app, fake, clock, logger, config, listPage }
}
export type TestApp = ReturnType<typeof createTestApp>

/** Reads an error response, checking it has the upstream's error shape. */
export async function readError(response: Response): Promise<ApiErrorBody> {
  const body: unknown = await response.json()
  return z.strictObject(apiErrorBodySchema.shape).parse(body)
}

const DAY_MS = 86_400_000

/**
 * The BFF over a fake upstream that walks each catalogue in turn, a day apart:
 * the first is the history's baseline. `startsAfter`: how far its clock is
 * past the default start (a server restarted later than the last one's walks).
 */
export async function walkedTestApp(catalogues: Model[][], options: TestAppOptions = {}, startsAfter = 0) {
  const test = createTestApp({
    upstream: { models: catalogues[0] },
    pacing: { forcedRefreshIntervalMs: 0 },
    ...options,
  })
  test.clock.advance(startsAfter)
  await test.listPage()
  for (const models of catalogues.slice(1)) {
    test.clock.advance(DAY_MS)
    test.fake.setModels(models)
    await test.listPage({ refresh: '1' })
  }
  return test
}
