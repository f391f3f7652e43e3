import type { Model } from '../../contract/model'
import { LruMap } from '../catalogue/lru-map'
import { UpstreamBackoffError } from '../upstream/upstream-errors'

export interface ModelLookupOptions {
  retrieve: (id: string) => Promise<Model>
  ttlMs: number
  /** How long a failure (a 404 included) is given again without asking the upstream. */
  failureTtlMs: number
  now: () => number
}

/**
 * One model by id or alias through the upstream's retrieve endpoint. Answers
 * are kept for the catalogue's TTL, concurrent asks for one id share one
 * upstream call, and a failure ("no such model" too) is kept briefly, so a
 * visitor repeating an unknown id costs the key nothing more.
 */
export function createModelLookup({ retrieve, ttlMs, failureTtlMs, now }: ModelLookupOptions) {
  const recent = new LruMap<string, { until: number; model: Promise<Model> }>(1000)

  return (id: string): Promise<Model> => {
    const hit = recent.get(id)
    if (hit && now() < hit.until) return hit.model
    const model = retrieve(id)
    recent.set(id, { until: now() + ttlMs, model })
    model.catch((error: unknown) => {
      // A spent budget says when it refills; other failures wait out the failure TTL.
      const keepMs = error instanceof UpstreamBackoffError ? error.retryAfterSeconds * 1000 : failureTtlMs
      if (recent.get(id)?.model === model) recent.set(id, { until: now() + keepMs, model })
    })
    return model
  }
}
export type ModelLookup = ReturnType<typeof createModelLookup>
