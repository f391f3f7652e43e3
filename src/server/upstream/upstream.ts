import Anthropic from '@anthropic-ai/sdk'
import * as z from 'zod/mini'
import { LIFECYCLES } from '../../contract/list-params'
import { type Model, modelSchema } from '../../contract/model'
import { boundedFetch } from './bounded-fetch'
import { createCircuitBreaker } from './circuit-breaker'
import { deadlineSignal } from './deadline'
import { createRequestBudget } from './request-budget'
import { withRetries } from './retrying'
import { UpstreamFormatError, UpstreamTooLargeError } from './upstream-errors'

/** Everything that bounds what one workspace's upstream may cost; see the README's "Bad days". */
export interface UpstreamLimits {
  /** One attempt, from request to the body's last byte. */
  attemptTimeoutMs: number
  maxRetries: number
  maxRetryWaitMs: number
  /** A whole walk, every page and retry included; also the longest a retrieve may take in all. */
  walkTimeoutMs: number
  walkMaxPages: number
  walkMaxModels: number
  /** Decoded (after decompression) bytes of one answer, of all a walk's answers, and of one model. */
  maxPageBytes: number
  maxWalkBytes: number
  maxModelBytes: number
  retrievesPerMinute: number
  retrieveConcurrency: number
  breakerFailures: number
  breakerCooldownMs: number
  breakerMaxOpenMs: number
}

export interface UpstreamOptions {
  apiKey: string
  baseURL: string
  betas: readonly string[]
  limits: UpstreamLimits
  now: () => number
  /** Sent as `anthropic-workspace-id`, for credentials that span workspaces. */
  workspaceId?: string | null
  /** Replaces the network, e.g. with the fake upstream in demo mode and tests. */
  fetch?: typeof globalThis.fetch
  /** Told about oddities that do not fail a walk (duplicate ids), one line each. */
  warn?: (message: string) => void
  /** Aborted when the server stops: every request in progress ends at once, a walk's included. */
  stopping?: AbortSignal
}

const WALK_PAGE_SIZE = 1000
// Every stage, so retired models can be shown on request; without it the upstream leaves them out.
const ALL_LIFECYCLES = [...LIFECYCLES]

const pageSchema = z.object({ data: z.array(modelSchema), has_more: z.boolean(), last_id: z.nullable(z.string()) })

/**
 * The Anthropic Models API through the official SDK (headers, typed errors),
 * with every cost bounded here: a deadline per attempt that covers the body,
 * retries with capped waits through a circuit breaker, a walk that stops at
 * a repeated cursor or a ceiling, byte ceilings, and a budget for retrieves.
 */
export function createUpstream(options: UpstreamOptions) {
  const { limits } = options
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    // The bounded fetch's deadline comes first; the SDK's is a backstop.
    timeout: limits.attemptTimeoutMs + 1_000,
    maxRetries: 0,
    fetch: boundedFetch(options.fetch ?? globalThis.fetch, {
      attemptTimeoutMs: limits.attemptTimeoutMs,
      maxBodyBytes: limits.maxPageBytes,
      ...(options.stopping ? { stopping: options.stopping } : {}),
    }),
    // The SDK's own log lines can carry request details; the server logs for itself.
    logLevel: 'off',
    defaultHeaders: {
      ...(options.betas.length > 0 ? { 'anthropic-beta': options.betas.join(',') } : {}),
      ...(options.workspaceId ? { 'anthropic-workspace-id': options.workspaceId } : {}),
    },
  })
  // One breaker for the key: a walk and the retrieves meet the same upstream.
  const breaker = createCircuitBreaker({
    failureThreshold: limits.breakerFailures,
    cooldownMs: limits.breakerCooldownMs,
    maxOpenMs: limits.breakerMaxOpenMs,
    now: options.now,
  })
  const retrieveBudget = createRequestBudget({
    concurrency: limits.retrieveConcurrency,
    perMinute: limits.retrievesPerMinute,
    now: options.now,
  })
  const policy = { maxRetries: limits.maxRetries, maxRetryWaitMs: limits.maxRetryWaitMs, breaker }

  return {
    /**
     * Every model, in the upstream's order, following `has_more`/`last_id` to
     * the end; duplicate ids are collapsed (the first wins). `signal` is the
     * walk's deadline, which the caller owns.
     */
    async walk(signal?: AbortSignal): Promise<Model[]> {
      const byId = new Map<string, Model>()
      const cursors = new Set<string>()
      let duplicates = 0
      let bytes = 0
      let afterId: string | undefined
      for (let pages = 0; pages < limits.walkMaxPages; pages += 1) {
        const query = { limit: WALK_PAGE_SIZE, lifecycle: ALL_LIFECYCLES, ...(afterId ? { after_id: afterId } : {}) }
        const { value: page, size } = await withRetries(
          () => readBody(pageSchema, client.models.list(query, { signal }).asResponse()),
          policy,
          signal,
        )
        bytes += size
        if (bytes > limits.maxWalkBytes) {
          throw new UpstreamTooLargeError(
            `the model list was larger than ${limits.maxWalkBytes} bytes in all (UPSTREAM_MAX_WALK_BYTES)`,
          )
        }
        for (const model of page.data) {
          if (byId.has(model.id)) duplicates += 1
          else byId.set(model.id, boundedModel(model, limits.maxModelBytes))
        }
        if (byId.size > limits.walkMaxModels) {
          throw new UpstreamTooLargeError(`the model list went past ${limits.walkMaxModels} models (WALK_MAX_MODELS)`)
        }
        if (!page.has_more) {
          if (duplicates > 0)
            options.warn?.(`The model list repeated ${duplicates} model id(s); the first of each was kept`)
          return [...byId.values()]
        }
        if (!page.last_id || cursors.has(page.last_id) || page.last_id === afterId) {
          throw new UpstreamFormatError('the model list said has_more but led back to a page it had already given')
        }
        cursors.add(page.last_id)
        afterId = page.last_id
      }
      throw new UpstreamFormatError(`the model list did not end after ${limits.walkMaxPages} pages`)
    },

    /** One model by id or alias, within the retrieve budget and the breaker. */
    async retrieve(id: string): Promise<Model> {
      return retrieveBudget.run(async () => {
        const deadline = deadlineSignal(limits.walkTimeoutMs, 'looking up one model')
        try {
          const { value } = await withRetries(
            () => readBody(modelSchema, client.models.retrieve(id, {}, { signal: deadline.signal }).asResponse()),
            policy,
            deadline.signal,
          )
          return boundedModel(value, limits.maxModelBytes)
        } finally {
          deadline.clear()
        }
      })
    },
  }
}
export type Upstream = ReturnType<typeof createUpstream>

/**
 * The model as the upstream sent it, every field kept (a field newer than the dashboard is shown and exported
 * too, issue 12), refused when the whole of it is larger than `maxBytes`: memory stays bounded per model, as
 * the walk's and the page's ceilings bound it per answer.
 */
function boundedModel(model: Model, maxBytes: number): Model {
  // UTF-16 units, not bytes: a cheap bound that is never below a third of the bytes.
  if (JSON.stringify(model).length > maxBytes) {
    throw new UpstreamTooLargeError(
      `the model ${model.id.slice(0, 64)} was larger than ${maxBytes} bytes (UPSTREAM_MAX_MODEL_BYTES)`,
    )
  }
  return model
}

/**
 * Reads and checks the raw body (already bounded by the fetch). The SDK's page
 * object would quietly turn a body without `data` into an empty catalogue, so
 * the shape is checked here.
 */
async function readBody<T>(schema: z.ZodMiniType<T>, pending: Promise<Response>): Promise<{ value: T; size: number }> {
  const response = await pending
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new UpstreamFormatError('the answer was not valid JSON')
  }
  const result = schema.safeParse(body)
  if (!result.success) throw new UpstreamFormatError('the answer did not have the documented shape')
  return { value: result.data, size: text.length }
}
