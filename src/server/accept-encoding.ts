/** The encodings a dynamic answer may be sent in (see the README, "On the wire"). */
export type ContentCoding = 'br' | 'gzip'

/**
 * Brotli, given to the app core by the Node entry (node-brotli.ts): the core
 * runs on web streams alone, whose CompressionStream has no brotli on Node 20.
 * Without it, dynamic answers are gzipped.
 */
export interface Brotli {
  /** A stream that compresses what is written to it (the page, the exports). */
  stream(): ReadableWritablePair<Uint8Array, Uint8Array>
  /** `bytes` compressed at once: a cached list page, compressed once and kept. */
  bytes(bytes: Uint8Array): Uint8Array<ArrayBuffer>
}

/** The codings a server offers, best first: brotli when it has it (smaller at the same CPU cost), then gzip. */
export function offeredCodings(brotli: Brotli | undefined): readonly ContentCoding[] {
  return brotli ? ['br', 'gzip'] : ['gzip']
}

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024

/**
 * The first of `offered` (in the server's order of preference) that an
 * Accept-Encoding header accepts with a q above 0, or null for identity.
 * `*` stands for any coding the header does not name; no header at all means
 * identity (RFC 9110 allows any, but a client that sends none may not decode).
 */
export function negotiateEncoding(
  header: string | null | undefined,
  offered: readonly ContentCoding[],
): ContentCoding | null {
  if (!header) return null
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    if (!name) continue
    const q = params.find((param) => param.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const wildcard = weights.get('*') ?? 0
  let best: { coding: ContentCoding; weight: number } | null = null
  for (const coding of offered) {
    const weight = weights.get(coding) ?? wildcard
    if (weight > 0 && (best === null || weight > best.weight)) best = { coding, weight }
  }
  return best?.coding ?? null
}

/** `Vary` with Accept-Encoding added once. */
export function varyOnAcceptEncoding(current: string | null | undefined): string {
  if (!current) return 'Accept-Encoding'
  if (current === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current)) return current
  return `${current}, Accept-Encoding`
}

/** The ETag of a compressed answer: weak, as its bytes differ from the identity answer's (matchesEtag ignores W/). */
export function weakEtag(etag: string): string {
  return etag.startsWith('W/') ? etag : `W/${etag}`
}
