import type { Model } from '../../contract/model'
import { APIError } from '@anthropic-ai/sdk'
import { LruMap } from '../catalogue/lru-map'
import { LookupFailedError, UpstreamBackoffError } from '../upstream/upstream-errors'
import { retryAfterMs } from '../upstream/retrying'

export interface ModelLookupOptions {
  retrieve: (id: string) => Promise<Model>
  ttlMs: number
  /** How long "no such model" is given again without asking the upstream. */
  failureTtlMs: number
  /** How long any other failed retrieve is repeated without asking again; 0 repeats none. */
  errorTtlMs: number
  /** The longest an upstream's Retry-After may stretch that time (UPSTREAM_MAX_RETRY_WAIT_MS). */
  maxRetryAfterMs: number
  now: () => number
  /** The most the remembered answers may hold, their ids included; LOOKUP_CACHE_BYTES by default. */
  maxBytes?: number
}

/** Per workspace: a model's known fields are a few KB (at most UPSTREAM_MAX_MODEL_BYTES), so thousands fit. */
export const LOOKUP_CACHE_BYTES = 4 * 1024 * 1024
const MAX_LOOKUPS_KEPT = 1000
// A Map entry, the record around the promise, the promise and an error or a model's object shells.
const ENTRY_OVERHEAD_BYTES = 512
// A kept failure: the SDK's error with the upstream's headers and (capped) error body.
const FAILURE_BYTES = 4 * 1024

interface Remembered {
  until: number
  model: Promise<Model>
  /** Estimated once the answer is in: a model's JSON, twice (UTF-16); an error, the overhead alone. */
  bytes: number
  /** A failed retrieve repeated until `until`, and when it happened. */
  failure?: { error: unknown; at: number }
}

/**
 * One model by id or alias through the upstream's retrieve endpoint. Answers
 * are kept for the catalogue's TTL, concurrent asks for one id share one
 * upstream call, and "no such model" is kept briefly, so a visitor repeating
 * an unknown id costs the key nothing more. Other failures are kept for a few
 * seconds (longer when the upstream's Retry-After asks, up to the retry-wait
 * cap) and repeated as such, marked as a repeat with the time left: during an
 * outage each id costs one upstream call per window, besides the budget and
 * the breaker. What is kept is bounded by bytes as well as by count: visitors
 * choose the ids.
 */
export function createModelLookup({
  retrieve,
  ttlMs,
  failureTtlMs,
  errorTtlMs,
  maxRetryAfterMs,
  now,
  maxBytes = LOOKUP_CACHE_BYTES,
}: ModelLookupOptions) {
  const recent = new LruMap<string, Remembered>({
    maxEntries: MAX_LOOKUPS_KEPT,
    maxBytes,
    sizeOf: (entry, id) => ENTRY_OVERHEAD_BYTES + id.length * 2 + entry.bytes,
  })
  // Only while the answer is still the one kept: a later ask may have replaced it.
  const update = (id: string, model: Promise<Model>, change: Partial<Remembered>) => {
    const entry = recent.get(id)
    if (entry?.model === model) recent.set(id, { ...entry, ...change })
  }

  // The window a failure is repeated for: the TTL, or what the upstream or breaker asked, within the cap.
  // A refusal that cost no upstream call (breaker, budget) is kept only as long as it asked.
  const repeatWindowMs = (error: unknown): number => {
    if (errorTtlMs === 0) return 0
    if (error instanceof UpstreamBackoffError) return Math.min(error.retryAfterSeconds * 1000, maxRetryAfterMs)
    return Math.max(errorTtlMs, Math.min(retryAfterMs(error) ?? 0, maxRetryAfterMs))
  }

  return (id: string): Promise<Model> => {
    const hit = recent.get(id)
    const at = now()
    if (hit && at < hit.until) {
      if (!hit.failure) return hit.model
      return Promise.reject(new LookupFailedError(hit.failure.error, hit.until - at, at - hit.failure.at))
    }
    const model: Promise<Model> = retrieve(id).then(
      (found) => {
        update(id, model, { bytes: JSON.stringify(found).length * 2 })
        return found
      },
      (error: unknown) => {
        const failedAt = now()
        if (error instanceof APIError && error.status === 404) {
          update(id, model, { until: failedAt + failureTtlMs })
          throw error
        }
        const windowMs = repeatWindowMs(error)
        update(id, model, { until: failedAt + windowMs, bytes: FAILURE_BYTES, failure: { error, at: failedAt } })
        throw new LookupFailedError(error, windowMs, null)
      },
    )
    recent.set(id, { until: at + ttlMs, model, bytes: 0 })
    return model
  }
}
export type ModelLookup = ReturnType<typeof createModelLookup>
