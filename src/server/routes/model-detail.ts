import type { Context } from 'hono'
import { MODEL_ID_PATTERN } from '../../contract/list-params'
import type { Model } from '../../contract/model'
import { badRequest, toHttpError } from '../errors'
import { LruMap } from '../catalogue/lru-map'
import { sendError } from '../respond'

export interface ModelDetailOptions {
  retrieve: (id: string) => Promise<Model>
  ttlMs: number
  now: () => number
}

/**
 * `GET /api/models/:id`: one model through the upstream's retrieve endpoint,
 * which resolves aliases. Answers are kept for the catalogue's TTL and
 * concurrent asks for one id share one upstream call.
 */
export function modelDetail({ retrieve, ttlMs, now }: ModelDetailOptions) {
  const recent = new LruMap<string, { at: number; model: Promise<Model> }>(1000)

  function lookUp(id: string): Promise<Model> {
    const hit = recent.get(id)
    if (hit && now() - hit.at < ttlMs) return hit.model
    const model = retrieve(id)
    recent.set(id, { at: now(), model })
    // A failure is not kept: the next ask tries again.
    model.catch(() => {
      if (recent.get(id)?.model === model) recent.set(id, { at: -Infinity, model })
    })
    return model
  }

  return async (c: Context): Promise<Response> => {
    const id = c.req.param('id') ?? ''
    if (!MODEL_ID_PATTERN.test(id)) {
      return sendError(c, badRequest('The model id must be 1–256 letters, digits or . _ : @ - (and not only dots).'))
    }
    try {
      const model = await lookUp(id)
      return c.json(model, 200, { 'Cache-Control': 'public, max-age=5, stale-while-revalidate=30' })
    } catch (error) {
      return sendError(c, toHttpError(error, { modelId: id }))
    }
  }
}
