import type { Model } from '../../contract/model'
import { APIError } from '@anthropic-ai/sdk'
import { LruMap } from '../catalogue/lru-map'

export interface ModelLookupOptions {
  retrieve: (id: string) => Promise<Model>
  ttlMs: number
  /** How long "no such model" is given again without asking the upstream. */
  failureTtlMs: number
  now: () => number
  /** The most the remembered answers may hold, their ids included; LOOKUP_CACHE_BYTES by default. */
  maxBytes?: number
}

/** Per workspace: a model's known fields are a few KB (at most UPSTREAM_MAX_MODEL_BYTES), so thousands fit. */
export const LOOKUP_CACHE_BYTES = 4 * 1024 * 1024
const MAX_LOOKUPS_KEPT = 1000
// A Map entry, the record around the promise, the promise and an error or a model's object shells.
const ENTRY_OVERHEAD_BYTES = 512

interface Remembered {
  until: number
  model: Promise<Model>
  /** Estimated once the answer is in: a model's JSON, twice (UTF-16); an error, the overhead alone. */
  bytes: number
}

/**
 * One model by id or alias through the upstream's retrieve endpoint. Answers
 * are kept for the catalogue's TTL, concurrent asks for one id share one
 * upstream call, and "no such model" is kept briefly, so a visitor repeating
 * an unknown id costs the key nothing more. Other failures are not kept, so a
 * person's Retry asks again: the budget and the breaker bound those. What is
 * kept is bounded by bytes as well as by count: visitors choose the ids.
 */
export function createModelLookup({
  retrieve,
  ttlMs,
  failureTtlMs,
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

  return (id: string): Promise<Model> => {
    const hit = recent.get(id)
    if (hit && now() < hit.until) return hit.model
    const model = retrieve(id)
    recent.set(id, { until: now() + ttlMs, model, bytes: 0 })
    model.then(
      (found) => update(id, model, { bytes: JSON.stringify(found).length * 2 }),
      (error: unknown) => {
        const notFound = error instanceof APIError && error.status === 404
        update(id, model, { until: notFound ? now() + failureTtlMs : -Infinity })
      },
    )
    return model
  }
}
export type ModelLookup = ReturnType<typeof createModelLookup>
