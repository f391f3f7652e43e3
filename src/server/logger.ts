/** Structured context of a log line: request id, route, status, workspace… */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const

/** Replaces every occurrence of a secret in a text, whatever produced the text. */
export function secretScrubber(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  // Longest first, so a secret that contains another is replaced whole.
  const present = [...new Set(secrets.filter((secret): secret is string => Boolean(secret)))].sort(
    (a, b) => b.length - a.length,
  )
  if (present.length === 0) return (text) => text
  return (text) => present.reduce((scrubbed, secret) => scrubbed.split(secret).join('[redacted]'), text)
}

/**
 * A logger that can never print the API key: any occurrence of a secret, in
 * the message or in a field, is replaced before the line is written.
 */
export function redactingLogger(secrets: readonly (string | null | undefined)[], sink: Logger = consoleLogger): Logger {
  const scrub = secretScrubber(secrets)
  const scrubFields = (fields: LogFields | undefined) =>
    fields &&
    Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, typeof value === 'string' ? scrub(value) : value]),
    )
  const logger = {} as Logger
  for (const level of LEVELS) {
    logger[level] = (message, fields) => sink[level](scrub(message), scrubFields(fields))
  }
  return logger
}

/** Plain lines on the console, the fields as JSON after the message: the default of an app given no logger. */
export const consoleLogger: Logger = {
  debug() {},
  info: (message, fields) => console.info(withFields(message, fields)),
  warn: (message, fields) => console.warn(withFields(message, fields)),
  error: (message, fields) => console.error(withFields(message, fields)),
}

function withFields(message: string, fields: LogFields | undefined): string {
  return fields ? `${message} ${JSON.stringify(fields)}` : message
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }
