export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/**
 * A logger that can never print the API key: any occurrence of a secret is
 * replaced before the line is written, whatever produced the text.
 */
export function redactingLogger(secrets: readonly (string | null)[], sink: Logger = console): Logger {
  const present = secrets.filter((secret): secret is string => Boolean(secret))
  const redact = (message: string) => present.reduce((text, secret) => text.split(secret).join('[redacted]'), message)
  return {
    info: (message) => sink.info(redact(message)),
    warn: (message) => sink.warn(redact(message)),
    error: (message) => sink.error(redact(message)),
  }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
