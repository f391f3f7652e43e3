import type { MiddlewareHandler } from 'hono'
import { isSecuredResponse } from './security-headers'
import {
  type Brotli,
  COMPRESS_THRESHOLD_BYTES,
  negotiateEncoding,
  offeredCodings,
  varyOnAcceptEncoding,
  weakEtag,
} from './accept-encoding'

// The dashboard's text answers: the page, JSON, the exports (CSV, NDJSON) and the Atom feed.
const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|x-ndjson|atom\+xml|xml|javascript)|image\/svg\+xml)/i
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i

/** The first bytes of a body, read until `threshold` is reached or the body ends. */
async function peek(reader: ReadableStreamDefaultReader<Uint8Array>, threshold: number) {
  const head: Uint8Array[] = []
  let size = 0
  while (size < threshold) {
    const { done, value } = await reader.read()
    if (done) return { head, size, ended: true }
    head.push(value)
    size += value.byteLength
  }
  return { head, size, ended: false }
}

/** The peeked chunks, then the rest of the body as it comes. */
function rejoined(head: readonly Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk)
    },
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
}

// Only when it does not already: a list page's cached headers say so, and are then sent as they were built.
function saysItVaries(response: Response) {
  const vary = response.headers.get('Vary')
  const wanted = varyOnAcceptEncoding(vary)
  if (wanted !== vary) response.headers.set('Vary', wanted)
}

/**
 * Compresses text answers of at least `threshold` bytes for a client that
 * accepts brotli (when the entry gives it) or gzip, streams included (an
 * export is compressed as it is written). Answers
 * already encoded (the precompressed assets) or complete (the list's, which
 * negotiates itself: gzipped-list-answer.ts), HEAD, 204/206/304, and
 * `no-transform` pass untouched. Answers that could be compressed say
 * `Vary: Accept-Encoding`. A body without a Content-Length is read up to the
 * threshold first, so a small one is sent as it is.
 *
 * Brotli comes from the entry (`brotli`, node:zlib): the app core runs on web
 * streams, whose CompressionStream has gzip but no brotli on Node 20. On the
 * page it saves about a sixth of gzip's bytes; the scripts and styles are
 * compressed at build time instead.
 */
export function compressAnswers({
  threshold = COMPRESS_THRESHOLD_BYTES,
  brotli,
}: { threshold?: number; brotli?: Brotli } = {}): MiddlewareHandler {
  const offered = offeredCodings(brotli)
  return async (c, next) => {
    await next()
    const response = c.res
    // The list's answers are complete, negotiated by the route itself; reading their headers would cost what they save.
    if (isSecuredResponse(response)) return
    if (response.status === 304) return saysItVaries(response)
    const type = response.headers.get('Content-Type')
    if (
      c.req.method === 'HEAD' ||
      response.status === 204 ||
      response.status === 206 ||
      !response.body ||
      !type ||
      !COMPRESSIBLE.test(type) ||
      response.headers.has('Content-Encoding') ||
      NO_TRANSFORM.test(response.headers.get('Cache-Control') ?? '')
    )
      return
    const length = response.headers.get('Content-Length')
    if (length !== null && Number(length) < threshold) return
    saysItVaries(response)
    const coding = negotiateEncoding(c.req.header('Accept-Encoding'), offered)

    let body: ReadableStream<Uint8Array> = response.body
    if (length === null) {
      const reader = response.body.getReader()
      const { head, size, ended } = await peek(reader, threshold)
      if (ended && size < threshold) {
        const headers = new Headers(response.headers)
        headers.set('Content-Length', String(size))
        c.res = undefined
        const whole = new Uint8Array(size)
        head.reduce((offset, chunk) => (whole.set(chunk, offset), offset + chunk.byteLength), 0)
        c.res = new Response(whole, { status: response.status, headers })
        return
      }
      body = rejoined(head, reader)
    }
    if (!coding) {
      if (body !== response.body) {
        c.res = undefined
        c.res = new Response(body, response)
      }
      return
    }
    const headers = new Headers(response.headers)
    headers.delete('Content-Length')
    headers.set('Content-Encoding', coding)
    const etag = headers.get('ETag')
    if (etag) headers.set('ETag', weakEtag(etag))
    c.res = undefined
    const compressed =
      coding === 'br'
        ? body.pipeThrough(brotli!.stream())
        : (body as ReadableStream<BufferSource>).pipeThrough(new CompressionStream('gzip'))
    c.res = new Response(compressed, { status: response.status, headers })
  }
}
