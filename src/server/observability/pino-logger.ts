import { pino } from 'pino'
import { prettyFactory } from 'pino-pretty'
import { type Logger, secretScrubber } from '../logger'

export type LogFormat = 'json' | 'pretty'
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where finished lines go: standard output, or a test's buffer. */
export interface LogDestination {
  write(line: string): void
}

/**
 * Fields that hold credentials wherever they appear in a line: the server logs
 * none of them itself, so these stop a future line that passes on a request's
 * headers or an options object from printing one.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'apiKey',
  'token',
  'password',
  'secret',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.apiKey',
  '*.token',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.sessionSecret',
]

export interface PinoLoggerOptions {
  format: LogFormat
  level: LogLevel
  /** Values that must never be printed (the API keys, secrets from the configuration), replaced in each finished line. */
  secrets: readonly (string | null | undefined)[]
  destination?: LogDestination
}

/**
 * The server's log: one JSON object a line (`time`, `level`, `msg` and the
 * fields given), or coloured lines for a person with `LOG_FORMAT=pretty`.
 * Every finished line is scrubbed of the secrets before it is written, so a
 * key cannot get out whichever message or field carried it.
 */
export function createPinoLogger(options: PinoLoggerOptions): Logger {
  const target = options.destination ?? standardOutput()
  const scrub = secretScrubber(options.secrets.flatMap((secret) => (secret ? [secret, jsonEscaped(secret)] : [])))
  // The same JSON line, made readable in this process: no worker thread, nothing lost at exit.
  const prettify =
    options.format === 'pretty' ? prettyFactory({ colorize: false, translateTime: 'SYS:HH:MM:ss.l' }) : null
  const log = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    { write: (line: string) => target.write(prettify ? prettify(scrub(line)) : scrub(line)) },
  )
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  }
}

/** How a secret reads inside a JSON string, should it hold a quote or a backslash. */
function jsonEscaped(secret: string): string {
  return JSON.stringify(secret).slice(1, -1)
}

/**
 * Standard output, written asynchronously: a synchronous write to a pipe
 * whose reader lags (a log shipper, a busy parent) would stall every request.
 * What is still buffered is written when the process exits.
 */
function standardOutput(): LogDestination {
  const stream = pino.destination({ dest: 1, sync: false })
  process.on('exit', () => stream.flushSync())
  return stream
}
