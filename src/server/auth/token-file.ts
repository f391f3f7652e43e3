import { readFileSync, statSync } from 'node:fs'
import type { Logger } from '../logger'
import { parseTokenLines, type TokenEntry } from './tokens'

const CHECK_INTERVAL_MS = 1000

/** Reads AUTH_TOKENS_FILE at start: its entries, or a message naming the file (and line) to fix. */
export function readTokenFile(path: string): { ok: true; entries: TokenEntry[] } | { ok: false; message: string } {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    return { ok: false, message: `AUTH_TOKENS_FILE ${path} could not be read (${code})` }
  }
  return parseTokenLines(text, `AUTH_TOKENS_FILE ${path}`)
}

/**
 * The file's entries, re-read when it changes (checked at most once a second),
 * so removing a line revokes its token without a restart. A file broken by an
 * edit accepts no token until it is fixed: keeping the old lines could keep a
 * revoked token working.
 */
export function watchedTokenFile(
  path: string,
  initial: TokenEntry[],
  logger: Logger,
  now: () => number = Date.now,
): () => readonly TokenEntry[] {
  let entries: readonly TokenEntry[] = initial
  let checkedAt = now()
  let version = fileVersion(path)
  return () => {
    if (now() - checkedAt < CHECK_INTERVAL_MS) return entries
    checkedAt = now()
    const current = fileVersion(path)
    if (current === version) return entries
    version = current
    const read = readTokenFile(path)
    if (read.ok) {
      entries = read.entries
      logger.info(
        `Tokens re-read from AUTH_TOKENS_FILE: ${read.entries.map((entry) => entry.name).join(', ') || 'none'}.`,
      )
    } else {
      entries = []
      logger.error(`${read.message}. No token is accepted until it is fixed.`)
    }
    return entries
  }
}

function fileVersion(path: string): string {
  try {
    const stat = statSync(path)
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`
  } catch {
    return 'missing'
  }
}
