import type { Model } from '../../contract/model'
import { CatalogueSnapshot } from './catalogue-snapshot'

export interface CatalogueCacheOptions {
  /** Reads the whole catalogue from the upstream. */
  walk: () => Promise<Model[]>
  ttlMs: number
  /** After a failed background refresh, the next one waits at least this long. */
  retryAfterFailureMs?: number
  /** At most one forced refresh (`refresh=1`) starts in this window. */
  forcedRefreshIntervalMs?: number
  now?: () => number
  /** Told once about each failed walk, with the error as thrown. */
  onWalkFailed?: (error: unknown) => void
  /** Told once about each successful walk, with its models and the snapshot's time; it must not throw. */
  onWalked?: (models: readonly Model[], at: number) => void
  /** The byte budget of each snapshot's derived caches (views, serialized pages): CACHE_BUDGET_MB. */
  cacheBytes?: number
}

export interface CatalogueState {
  snapshot: CatalogueSnapshot
  /** The snapshot is older than the TTL. */
  stale: boolean
  /** Why the latest refresh failed, while an older snapshot is served instead. */
  refreshError: unknown
}

/**
 * Keeps one snapshot of the catalogue and decides when to walk the upstream:
 * single-flight (one walk at a time, everyone waits on it), stale-while-revalidate
 * (after the TTL the old snapshot is served while one walk replaces it), and
 * stale-if-error (a failed walk keeps the old snapshot, saying why).
 */
export function createCatalogueCache(options: CatalogueCacheOptions) {
  const now = options.now ?? Date.now
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 5_000
  const forcedRefreshIntervalMs = options.forcedRefreshIntervalMs ?? 5_000
  let snapshot: CatalogueSnapshot | null = null
  let inFlight: Promise<CatalogueSnapshot> | null = null
  let lastFailure: { at: number; error: unknown } | null = null
  let lastForcedAt = -Infinity
  let walks = 0

  function startWalk(): Promise<CatalogueSnapshot> {
    inFlight ??= (async () => {
      walks += 1
      try {
        const models = await options.walk()
        snapshot = new CatalogueSnapshot(models, now(), options.cacheBytes)
        lastFailure = null
        options.onWalked?.(models, snapshot.fetchedAt)
        return snapshot
      } catch (error) {
        lastFailure = { at: now(), error }
        options.onWalkFailed?.(error)
        throw error
      } finally {
        inFlight = null
      }
    })()
    return inFlight
  }

  function state(current: CatalogueSnapshot): CatalogueState {
    return {
      snapshot: current,
      stale: now() - current.fetchedAt >= options.ttlMs,
      refreshError: lastFailure?.error ?? null,
    }
  }

  /** Waits for a walk; when it fails but an older snapshot exists, that one is served. */
  async function walkOrKeep(): Promise<CatalogueState> {
    try {
      return state(await startWalk())
    } catch (error) {
      if (snapshot) return state(snapshot)
      throw error
    }
  }

  return {
    /**
     * The snapshot to answer from, walking first when there is none. With
     * `reuseRecentFailure`, a catalogue that has never been walked successfully
     * gives its last failure for `retryAfterFailureMs` instead of walking again:
     * for answers that ask every workspace at once, so one with a refused key is
     * not asked again on each of them.
     */
    async get({
      forceRefresh = false,
      reuseRecentFailure = false,
    }: { forceRefresh?: boolean; reuseRecentFailure?: boolean } = {}): Promise<CatalogueState> {
      if (forceRefresh) {
        if (inFlight) return walkOrKeep()
        if (now() - lastForcedAt >= forcedRefreshIntervalMs) {
          lastForcedAt = now()
          return walkOrKeep()
        }
      }
      if (!snapshot) {
        if (reuseRecentFailure && !inFlight && lastFailure && now() - lastFailure.at < retryAfterFailureMs) {
          throw lastFailure.error
        }
        return state(await startWalk())
      }
      const current = state(snapshot)
      const mayRetry = !lastFailure || now() - lastFailure.at >= retryAfterFailureMs
      if (current.stale && !inFlight && mayRetry) {
        // Stale-while-revalidate: this request gets the old snapshot; the failure, if any, is kept in lastFailure.
        startWalk().catch(() => {})
      }
      return current
    },

    /** The state for health checks, without starting a walk. */
    peek(): (CatalogueState & { walks: number }) | { snapshot: null; walks: number; refreshError: unknown } {
      // Not a spread of state(): the list's fast path asks on every request, and the spread cost it a microsecond.
      return snapshot
        ? Object.assign(state(snapshot), { walks })
        : { snapshot: null, walks, refreshError: lastFailure?.error ?? null }
    },
  }
}
export type CatalogueCache = ReturnType<typeof createCatalogueCache>
