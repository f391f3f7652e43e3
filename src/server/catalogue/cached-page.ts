import { COMPRESS_THRESHOLD_BYTES } from '../accept-encoding'
import { type SecuredHeaders, withSecurityHeaders } from '../security-headers'

// Short, so a refreshed catalogue reaches people quickly; shared caches may serve it a little longer while they revalidate.
const CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30'

/**
 * One serialized answer of the list, kept per snapshot. Its bytes and the
 * header set of each way it is sent (200 or 304, cacheable or not) are built
 * on first use and kept, so answering from the cache costs a lookup.
 */
export class CachedPage {
  readonly #headers: (SecuredHeaders | undefined)[] = []
  #bytes: Uint8Array<ArrayBuffer> | undefined

  constructor(
    readonly body: string,
    readonly etag: string,
  ) {}

  /** The body as UTF-8, encoded once rather than on every write. */
  get bytes(): Uint8Array<ArrayBuffer> {
    return (this.#bytes ??= new TextEncoder().encode(this.body))
  }

  headers({ notModified, noStore }: { notModified: boolean; noStore: boolean }): SecuredHeaders {
    const slot = (notModified ? 2 : 0) + (noStore ? 1 : 0)
    return (this.#headers[slot] ??= withSecurityHeaders({
      etag: this.etag,
      // A forced refresh (`refresh=1`) is never to be answered from a cache.
      'cache-control': noStore ? 'no-store' : CACHE_CONTROL,
      // With its length given, the Node adapter and the fast path write these headers as they are.
      ...(notModified
        ? {}
        : { 'content-type': 'application/json; charset=utf-8', 'content-length': String(this.bytes.byteLength) }),
      // Sent gzipped to a client that accepts it (compressAnswers, the fast path), so it varies by Accept-Encoding.
      ...(notModified || this.bytes.byteLength >= COMPRESS_THRESHOLD_BYTES ? { vary: 'Accept-Encoding' } : {}),
    }))
  }
}
