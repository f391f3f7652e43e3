import Anthropic from '@anthropic-ai/sdk'
import * as z from 'zod/mini'
import { LIFECYCLES } from '../contract/list-params'
import { type Model, modelSchema } from '../contract/model'

export interface UpstreamOptions {
  apiKey: string
  baseURL: string
  betas: readonly string[]
  timeoutMs: number
  maxRetries: number
  /** Sent as `anthropic-workspace-id`, for credentials that span workspaces. */
  workspaceId?: string | null
  /** Replaces the network, e.g. with the fake upstream in demo mode and tests. */
  fetch?: typeof globalThis.fetch
}

/** The upstream answered, but not with what its contract promises. */
export class UpstreamFormatError extends Error {
  override readonly name = 'UpstreamFormatError'
}

const WALK_PAGE_SIZE = 1000
// Every stage, so retired models can be shown on request; without it the upstream leaves them out.
const ALL_LIFECYCLES = [...LIFECYCLES]
// A catalogue of a million models is far beyond any real one; past it, the upstream is looping.
const MAX_WALK_PAGES = 1000

const pageSchema = z.object({ data: z.array(modelSchema), has_more: z.boolean(), last_id: z.nullable(z.string()) })

/**
 * The Anthropic Models API through the official SDK, which brings the headers,
 * retries with backoff (honouring retry-after), typed errors and timeouts.
 */
export function createUpstream(options: UpstreamOptions) {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: options.fetch,
    // The SDK's own log lines can carry request details; the server logs for itself.
    logLevel: 'off',
    defaultHeaders: {
      ...(options.betas.length > 0 ? { 'anthropic-beta': options.betas.join(',') } : {}),
      ...(options.workspaceId ? { 'anthropic-workspace-id': options.workspaceId } : {}),
    },
  })

  return {
    /** Every model, in the upstream's order, following `has_more`/`last_id` to the end. */
    async walk(): Promise<Model[]> {
      const models: Model[] = []
      let afterId: string | undefined
      for (let pages = 0; pages < MAX_WALK_PAGES; pages += 1) {
        const query = { limit: WALK_PAGE_SIZE, lifecycle: ALL_LIFECYCLES, ...(afterId ? { after_id: afterId } : {}) }
        const page = await readBody(pageSchema, client.models.list(query).asResponse())
        models.push(...page.data)
        if (!page.has_more) return models
        if (!page.last_id || page.last_id === afterId) {
          throw new UpstreamFormatError('the model list said has_more but gave no new last_id')
        }
        afterId = page.last_id
      }
      throw new UpstreamFormatError(`the model list did not end after ${MAX_WALK_PAGES} pages`)
    },

    /** One model by id or alias. */
    async retrieve(id: string): Promise<Model> {
      return readBody(modelSchema, client.models.retrieve(id).asResponse())
    },
  }
}
export type Upstream = ReturnType<typeof createUpstream>

/**
 * Reads and checks the raw body. The SDK's page object would quietly turn a
 * body without `data` into an empty catalogue, so the shape is checked here.
 */
async function readBody<T>(schema: z.ZodMiniType<T>, pending: Promise<Response>): Promise<T> {
  const response = await pending
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new UpstreamFormatError('the answer was not valid JSON')
  }
  const result = schema.safeParse(body)
  if (!result.success) throw new UpstreamFormatError('the answer did not have the documented shape')
  return result.data
}
