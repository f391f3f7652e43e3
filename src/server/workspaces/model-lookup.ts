import type { Model } from '../../contract/model'
import { LruMap } from '../catalogue/lru-map'

export interface ModelLookupOptions {
  retrieve: (id: string) => Promise<Model>
  ttlMs: number
  now: () => number
}

/**
 * One model by id or alias through the upstream's retrieve endpoint. Answers
 * are kept for the catalogue's TTL, concurrent asks for one id share one
 * upstream call, and a failure is not kept: the next ask tries again.
 */
export function createModelLookup({ retrieve, ttlMs, now }: ModelLookupOptions) {
  const recent = new LruMap<string, { at: number; model: Promise<Model> }>(1000)

  return (id: string): Promise<Model> => {
    const hit = recent.get(id)
    if (hit && now() - hit.at < ttlMs) return hit.model
    const model = retrieve(id)
    recent.set(id, { at: now(), model })
    model.catch(() => {
      if (recent.get(id)?.model === model) recent.set(id, { at: -Infinity, model })
    })
    return model
  }
}
export type ModelLookup = ReturnType<typeof createModelLookup>
