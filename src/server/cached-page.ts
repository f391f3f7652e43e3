import { type SecuredHeaders, withSecurityHeaders } from './security-headers'

// Short, so a refreshed catalogue reaches people quickly; shared caches may serve it a little longer while they revalidate.
const CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30'

type Variants = Readonly<Record<'cacheable' | 'noStore', SecuredHeaders>>

/**
 * One serialized answer of the list, kept per snapshot, with every header set
 * it can be sent with built in advance: a cached answer costs a lookup.
 */
export interface CachedPage {
  readonly body: string
  readonly etag: string
  readonly headers: Variants
  readonly notModifiedHeaders: Variants
}

export function cachedPage(body: string, etag: string): CachedPage {
  const variants = (extra: Record<string, string>): Variants => ({
    cacheable: withSecurityHeaders({ etag, 'cache-control': CACHE_CONTROL, ...extra }),
    // A forced refresh (`refresh=1`) is never to be answered from a cache.
    noStore: withSecurityHeaders({ etag, 'cache-control': 'no-store', ...extra }),
  })
  return {
    body,
    etag,
    headers: variants({ 'content-type': 'application/json; charset=utf-8' }),
    notModifiedHeaders: variants({}),
  }
}
