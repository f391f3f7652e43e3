/** FNV-1a, 32 bits: a cheap fingerprint of a response body for its ETag (not a security hash). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** A strong ETag from the snapshot's generation and the body's fingerprint and length. */
export function etagFor(generation: number, body: string): string {
  return `"${generation.toString(36)}-${fnv1a(body).toString(36)}-${body.length.toString(36)}"`
}

/** Whether an If-None-Match header matches this ETag (a list, `*`, or weak forms). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
