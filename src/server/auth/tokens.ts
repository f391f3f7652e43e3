/** One line of AUTH_TOKENS_FILE: a name to log, the SHA-256 of the token (never the token itself), and its role. */
export interface TokenEntry {
  name: string
  digest: Uint8Array
  /** `:operator` after the digest: the token may also act as an operator (accept a doubted catalogue). */
  operator: boolean
}

export type TokenLines = { ok: true; entries: TokenEntry[] } | { ok: false; message: string }

const TOKEN_LINE = /^([A-Za-z0-9._@-]{1,64}):([0-9a-fA-F]{64})(:operator)?$/

/**
 * Reads `name:sha256-hex` lines; blank lines and `#` comments are skipped.
 * A bad line is an error naming the file and line, not a line silently dropped.
 */
export function parseTokenLines(text: string, fileName: string): TokenLines {
  const entries: TokenEntry[] = []
  const names = new Set<string>()
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const where = `${fileName} line ${index + 1}`
    const match = TOKEN_LINE.exec(line)
    if (!match) {
      return {
        ok: false,
        message: `${where} is not "name:sha256-hex-of-token" (a name of letters, digits, . _ @ -, then 64 hex digits, then optionally ":operator")`,
      }
    }
    const [, name, hex, role] = match
    if (names.has(name!)) return { ok: false, message: `${where} repeats the name ${name}` }
    names.add(name!)
    entries.push({
      name: name!,
      digest: Uint8Array.from(hex!.match(/../g)!.map((byte) => parseInt(byte, 16))),
      operator: role !== undefined,
    })
  }
  return { ok: true, entries }
}

/** Compares two digests of equal length in time that does not depend on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++) difference |= a[index]! ^ b[index]!
  return difference === 0
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/**
 * The line of the token presented, or null. The token is hashed first, so the
 * comparison is always of 32 bytes, and every entry is compared (no early
 * exit), so the time taken says nothing about which entry came close.
 */
export async function findToken(
  presented: string,
  entries: readonly TokenEntry[],
  equal: (a: Uint8Array, b: Uint8Array) => boolean = constantTimeEqual,
): Promise<TokenEntry | null> {
  const digest = await sha256(presented)
  let found: TokenEntry | null = null
  for (const entry of entries) if (equal(digest, entry.digest) && found === null) found = entry
  return found
}

/** The token in `Authorization`: a Bearer token, or the password of Basic (what feed readers and Prometheus send). */
export function presentedToken(authorization: string | undefined): string | null {
  if (!authorization) return null
  const [scheme, value] = authorization.trim().split(/\s+/, 2)
  if (!value) return null
  if (scheme!.toLowerCase() === 'bearer') return value
  if (scheme!.toLowerCase() !== 'basic') return null
  let decoded: string
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)))
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : null
}
