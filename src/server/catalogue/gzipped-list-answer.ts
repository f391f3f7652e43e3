import { COMPRESS_THRESHOLD_BYTES, negotiateEncoding, weakEtag } from '../accept-encoding'
import { type SecuredHeaders, withSecurityHeaders } from '../security-headers'
import type { ListAnswer } from './models-list-pages'

// A cached page's gzip bytes and headers, made once: they live as long as the page's own bytes and headers.
const gzipBytes = new WeakMap<Uint8Array, Uint8Array<ArrayBuffer>>()
const gzipHeaders = new WeakMap<SecuredHeaders, SecuredHeaders>()

/**
 * Whether a list answer goes gzipped: a body over the threshold, for a client
 * that accepts gzip. Its cached headers already say it varies by
 * Accept-Encoding (CachedPage), so the plain answer is sent as it was built.
 */
export function wantsGzip(answer: ListAnswer, acceptEncoding: string | null | undefined): boolean {
  return (
    answer.body !== null &&
    answer.body.byteLength >= COMPRESS_THRESHOLD_BYTES &&
    negotiateEncoding(acceptEncoding, ['gzip']) === 'gzip'
  )
}

/** The answer with its gzip bytes (made by `gzip` the first time) and their headers: weak ETag, their length. */
function withGzip(answer: ListAnswer, body: Uint8Array, compressed: Uint8Array<ArrayBuffer>): ListAnswer {
  let headers = gzipHeaders.get(answer.headers)
  if (!headers) {
    headers = withSecurityHeaders({
      ...answer.headers,
      ...(answer.headers.etag ? { etag: weakEtag(answer.headers.etag) } : {}),
      'content-length': String(compressed.byteLength),
      'content-encoding': 'gzip',
    })
    gzipHeaders.set(answer.headers, headers)
  }
  gzipBytes.set(body, compressed)
  return { ...answer, body: compressed, headers }
}

/** For the Node fast path, which answers synchronously: `gzipSync` makes the bytes the first time. */
export function gzippedListAnswer(answer: ListAnswer, gzipSync: (bytes: Uint8Array) => Uint8Array): ListAnswer {
  const body = answer.body!
  const known = gzipBytes.get(body)
  return withGzip(answer, body, known ?? new Uint8Array(gzipSync(body)))
}

/** For the route, on web streams alone (the app core runs on edge runtimes too). */
export async function gzippedListAnswerAsync(answer: ListAnswer): Promise<ListAnswer> {
  const body = answer.body!
  const known = gzipBytes.get(body)
  if (known) return withGzip(answer, body, known)
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))
  return withGzip(answer, body, new Uint8Array(await new Response(stream).arrayBuffer()))
}
