import { z } from 'zod'

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
  DEMO_MODELS: integer('DEMO_MODELS', 1, 1_000_000).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer('PORT', 0, 65_535).default(8787),
  DATA_DIR: z.string().default('./data'),
})

export interface ServerConfig {
  /** null runs the server on the built-in demo upstream. */
  apiKey: string | null
  baseURL: string
  betas: string[]
  ttlSeconds: number
  upstreamTimeoutMs: number
  upstreamMaxRetries: number
  /** Size of the demo catalogue; the real line-up when not set. */
  demoModels: number | null
  host: string
  port: number
  /** Where the catalogue history is kept (history.sqlite), relative to the working directory. */
  dataDir: string
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
  return {
    ok: true,
    config: {
      apiKey: env_.ANTHROPIC_API_KEY ?? null,
      baseURL: env_.ANTHROPIC_BASE_URL.replace(/\/+$/, ''),
      betas: env_.ANTHROPIC_BETAS,
      ttlSeconds: env_.CATALOGUE_TTL_SECONDS,
      upstreamTimeoutMs: env_.UPSTREAM_TIMEOUT_MS,
      upstreamMaxRetries: env_.UPSTREAM_MAX_RETRIES,
      demoModels: env_.DEMO_MODELS ?? null,
      host: env_.HOST,
      port: env_.PORT,
      dataDir: env_.DATA_DIR,
    },
  }
}
