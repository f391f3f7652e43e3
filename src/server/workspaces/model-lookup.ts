import type { Model } from '../../contract/model'
import { APIError } from '@anthropic-ai/sdk'
import { LruMap } from '../catalogue/lru-map'

export interface ModelLookupOptions {
  retrieve: (id: string) => Promise<Model>
  ttlMs: number
  /** How long "no such model" is given again without asking the upstream. */
  failureTtlMs: number
  now: () => number
}

/**
 * One model by id or alias through the upstream's retrieve endpoint. Answers
 * are kept for the catalogue's TTL, concurrent asks for one id share one
 * upstream call, and "no such model" is kept briefly, so a visitor repeating
 * an unknown id costs the key nothing more. Other failures are not kept, so a
 * person's Retry asks again: the budget and the breaker bound those.
 */
export function createModelLookup({ retrieve, ttlMs, failureTtlMs, now }: ModelLookupOptions) {
  const recent = new LruMap<string, { until: number; model: Promise<Model> }>(1000)

  return (id: string): Promise<Model> => {
    const hit = recent.get(id)
    if (hit && now() < hit.until) return hit.model
    const model = retrieve(id)
    recent.set(id, { until: now() + ttlMs, model })
    model.catch((error: unknown) => {
      if (recent.get(id)?.model !== model) return
      const notFound = error instanceof APIError && error.status === 404
      recent.set(id, { until: notFound ? now() + failureTtlMs : -Infinity, model })
    })
    return model
  }
}
export type ModelLookup = ReturnType<typeof createModelLookup>
