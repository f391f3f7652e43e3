import {
  type Brotli,
  COMPRESS_THRESHOLD_BYTES,
  type ContentCoding,
  negotiateEncoding,
  offeredCodings,
  weakEtag,
} from '../accept-encoding'
import { type SecuredHeaders, withSecurityHeaders } from '../security-headers'
import type { ListAnswer } from './models-list-pages'

// A cached page's compressed bytes and headers, made once per coding: they live as long as the page's own bytes and headers.
const compressedBytes = {
  br: new WeakMap<Uint8Array, Uint8Array<ArrayBuffer>>(),
  gzip: new WeakMap<Uint8Array, Uint8Array<ArrayBuffer>>(),
}
const compressedHeaders = {
  br: new WeakMap<SecuredHeaders, SecuredHeaders>(),
  gzip: new WeakMap<SecuredHeaders, SecuredHeaders>(),
}

/**
 * The coding a list answer goes in: a body over the threshold, for a client
 * that accepts brotli (when the server has it) or gzip; null for the plain
 * answer. Its cached headers already say it varies by Accept-Encoding
 * (CachedPage), so the plain answer is sent as it was built.
 */
export function listAnswerCoding(
  answer: ListAnswer,
  acceptEncoding: string | null | undefined,
  brotli: Brotli | undefined,
): ContentCoding | null {
  if (answer.body === null || answer.body.byteLength < COMPRESS_THRESHOLD_BYTES) return null
  return negotiateEncoding(acceptEncoding, offeredCodings(brotli))
}

/** The answer with its compressed bytes and their headers: weak ETag, their length, their coding. */
function withCoding(
  answer: ListAnswer,
  coding: ContentCoding,
  body: Uint8Array,
  compressed: Uint8Array<ArrayBuffer>,
): ListAnswer {
  let headers = compressedHeaders[coding].get(answer.headers)
  if (!headers) {
    headers = withSecurityHeaders({
      ...answer.headers,
      ...(answer.headers.etag ? { etag: weakEtag(answer.headers.etag) } : {}),
      'content-length': String(compressed.byteLength),
      'content-encoding': coding,
    })
    compressedHeaders[coding].set(answer.headers, headers)
  }
  compressedBytes[coding].set(body, compressed)
  return { ...answer, body: compressed, headers }
}

/**
 * The answer in `coding`, its bytes made by `compress` the first time: the
 * fast path's gzipSync, or brotli's `bytes` for either path. The route and
 * the fast path share what one of them made, so both send the same bytes.
 */
export function compressedListAnswer(
  answer: ListAnswer,
  coding: ContentCoding,
  compress: (bytes: Uint8Array) => Uint8Array<ArrayBuffer>,
): ListAnswer {
  const body = answer.body!
  return withCoding(answer, coding, body, compressedBytes[coding].get(body) ?? compress(body))
}

/** Gzipped for the route, on web streams alone (the app core runs on edge runtimes too). */
export async function gzippedListAnswerAsync(answer: ListAnswer): Promise<ListAnswer> {
  const body = answer.body!
  const known = compressedBytes.gzip.get(body)
  if (known) return withCoding(answer, 'gzip', body, known)
  const stream = new Blob([body as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))
  return withCoding(answer, 'gzip', body, new Uint8Array(await new Response(stream).arrayBuffer()))
}
