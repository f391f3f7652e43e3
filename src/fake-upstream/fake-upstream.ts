import type { Model } from '../contract/model'
import { DEMO_ALIASES, DEMO_MODELS } from './demo-catalogue'
import { type Fault, defaultMessageFor, errorTypeFor, LIST_FAULT_KINDS } from './faults'
import {
  drippingBody,
  gzipBombBody,
  hugePageBody,
  withDuplicates,
  withLoneSurrogates,
  withOddIds,
} from './hostile-answers'
import { syntheticCatalogue } from './synthetic-catalogue'
import { workspaceVariant } from './workspace-variant'

export const FAKE_API_KEY = 'sk-ant-fake-demo-key'

/** Which shape of model the fake serves: the seed page's four fields, or today's. */
export type ModelShape = 'seed' | 'current'

export interface FakeUpstreamOptions {
  models?: readonly Model[]
  aliases?: Readonly<Record<string, string>>
  apiKey?: string
  shape?: ModelShape
}

export interface FakeUpstreamStats {
  /** Every request, as `METHOD path?query`, in arrival order. */
  requests: string[]
  listCalls: number
  retrieveCalls: number
}

const SEED_FIELDS = ['id', 'type', 'display_name', 'created_at'] as const
const LIFECYCLES = ['active', 'deprecated', 'retired'] as const
const DEFAULT_LIFECYCLES = ['active', 'deprecated']

let requestCounter = 0

/**
 * The one fake Anthropic Models API: a web-standard `handle(Request) → Response`
 * that enforces the real contract (key, version header, limit, cursors, error
 * shapes, aliases) and can be told to misbehave. A request with an
 * `anthropic-workspace-id` header sees that workspace's variant of the
 * catalogue (some models missing, some deprecated), so one fake serves
 * several workspaces. MSW mounts it in tests, the
 * server passes it to the SDK as its `fetch` in demo mode, and a small Node
 * server exposes it on a port for e2e tests and benchmarks.
 */
export function createFakeUpstream(options: FakeUpstreamOptions = {}) {
  let models: readonly Model[] = options.models ?? DEMO_MODELS
  let aliases = options.aliases ?? DEMO_ALIASES
  let shape: ModelShape = options.shape ?? 'current'
  const apiKey = options.apiKey ?? FAKE_API_KEY
  let fault: Fault | null = null
  let faultCount = Infinity
  let latencyMs = 0
  const stats: FakeUpstreamStats = { requests: [], listCalls: 0, retrieveCalls: 0 }
  // Each workspace's variant of the current catalogue, made once per catalogue.
  let variants = new Map<string, readonly Model[]>()

  function modelsOf(workspaceId: string | null): readonly Model[] {
    if (workspaceId === null) return models
    let variant = variants.get(workspaceId)
    if (!variant) {
      variant = workspaceVariant(models, workspaceId)
      variants.set(workspaceId, variant)
    }
    return variant
  }

  function present(model: Model): Model {
    if (shape === 'current') return model
    return Object.fromEntries(SEED_FIELDS.map((field) => [field, model[field]])) as Model
  }

  function visible(served: readonly Model[], lifecycles: readonly string[]): Model[] {
    return served.filter((model) => {
      const stage = model.lifecycle ?? 'active'
      // A stage the filter cannot name (one added later) is always listed, as tests of tolerance need.
      return lifecycles.includes(stage) || !(LIFECYCLES as readonly string[]).includes(stage)
    })
  }

  function list(url: URL, workspaceModels: readonly Model[]): Response {
    stats.listCalls += 1
    const listFault = takeFault(true)
    const served = listedUnder(listFault, workspaceModels)
    const limitText = url.searchParams.get('limit') ?? '20'
    const limit = Number(limitText)
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 1000) {
      return errorResponse(400, 'invalid_request_error', 'limit: Input should be between 1 and 1000')
    }
    const afterId = url.searchParams.get('after_id')
    const beforeId = url.searchParams.get('before_id')
    if (afterId && beforeId) {
      return errorResponse(400, 'invalid_request_error', 'Cannot specify both before_id and after_id')
    }
    const asked = [...url.searchParams.getAll('lifecycle[]'), ...url.searchParams.getAll('lifecycle')]
    const refused = lifecycleFilterError(asked)
    if (refused) return errorResponse(400, 'invalid_request_error', refused)
    const all = visible(served, asked.length > 0 ? asked : DEFAULT_LIFECYCLES)

    let start = 0
    let end = Math.min(limit, all.length)
    let hasMore = end < all.length
    const cursor = afterId ?? beforeId
    if (cursor) {
      const index = all.findIndex((model) => model.id === cursor)
      if (index < 0)
        return errorResponse(
          400,
          'invalid_request_error',
          `${afterId ? 'after_id' : 'before_id'}: unknown model ${cursor}`,
        )
      if (afterId) {
        start = index + 1
        end = Math.min(start + limit, all.length)
        hasMore = end < all.length
      } else {
        end = index
        start = Math.max(0, end - limit)
        hasMore = start > 0
      }
    }
    const data = listFault?.kind === 'empty' ? [] : all.slice(start, end).map(present)
    const page = { data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: hasMore }
    if (listFault?.kind === 'empty') page.has_more = false
    if (listFault?.kind === 'cursor-loop') Object.assign(page, { has_more: true, last_id: afterId ?? all[0]?.id })
    if (listFault?.kind === 'cursor-cycle') {
      const [first, second] = [all[0]?.id ?? 'a', all[1]?.id ?? 'b']
      Object.assign(page, { has_more: true, last_id: afterId === first ? second : first })
    }
    return json(200, page)
  }

  // The last many-models catalogue, made once: a walk asks for it a page at a time.
  let many: { count: number; models: readonly Model[] } | null = null

  /** The catalogue a list fault makes of the workspace's; the fault's own rules for pages come after. */
  function listedUnder(listFault: Fault | null, workspaceModels: readonly Model[]): readonly Model[] {
    switch (listFault?.kind) {
      case 'duplicates':
        return withDuplicates(workspaceModels)
      case 'odd-ids':
        return withOddIds(workspaceModels)
      case 'lone-surrogate':
        return withLoneSurrogates(workspaceModels)
      case 'many-models':
        if (many?.count !== listFault.count)
          many = { count: listFault.count, models: syntheticCatalogue(listFault.count) }
        return many.models
      default:
        return workspaceModels
    }
  }

  function retrieve(rawId: string, served: readonly Model[]): Response {
    stats.retrieveCalls += 1
    const id = decodedSegment(rawId)
    if (id === null) return errorResponse(404, 'not_found_error', `model: ${rawId}`)
    const resolved = aliases[id] ?? id
    const model = served.find((candidate) => candidate.id === resolved)
    if (!model) return errorResponse(404, 'not_found_error', `model: ${id}`)
    return json(200, present(model))
  }

  function authenticate(request: Request): Response | null {
    const bearer = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '')
    const key = request.headers.get('x-api-key') ?? bearer
    if (!key) return errorResponse(401, 'authentication_error', 'x-api-key header is required')
    if (key !== apiKey) return errorResponse(401, 'authentication_error', 'invalid x-api-key')
    if (!request.headers.get('anthropic-version')) {
      return errorResponse(400, 'invalid_request_error', 'anthropic-version: header is required')
    }
    return null
  }

  /** The fault in force for this request, counted as used; list faults only for a list, the others for any. */
  function takeFault(forList: boolean): Fault | null {
    if (!fault || faultCount <= 0 || LIST_FAULT_KINDS.has(fault.kind) !== forList) return null
    faultCount -= 1
    return fault
  }

  function injectedFault(signal: AbortSignal): Promise<Response> | Response | null {
    const active = takeFault(false)
    if (!active) return null
    switch (active.kind) {
      case 'status': {
        const type = errorTypeFor(active.status)
        const headers: Record<string, string> = {
          ...(active.retryAfterSeconds === undefined ? {} : { 'retry-after': String(active.retryAfterSeconds) }),
          ...(active.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(active.retryAfterMs) }),
        }
        return errorResponse(active.status, type, defaultMessageFor(type), headers)
      }
      case 'drip':
        return new Response(drippingBody(active.intervalMs), { headers: { 'content-type': 'application/json' } })
      case 'redirect':
        return new Response(null, { status: 302, headers: { location: active.location } })
      case 'huge':
        return new Response(hugePageBody(active.bytes, models[0] ?? DEMO_MODELS[0]!), {
          headers: { 'content-type': 'application/json' },
        })
      case 'gzip-bomb':
        return new Response(gzipBombBody(active.bytes), {
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        })
      case 'malformed':
        return new Response('{"data": [{"id": "claude-', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      case 'reset':
        return Response.error()
      case 'hang':
        return hangUntilAborted(signal)
      default:
        return null
    }
  }

  /**
   * Answers one request. `signal` ends a hang or a latency early; pass the one the request was made
   * with where there is one. The request's own signal follows it only through a WeakRef in Node's
   * fetch: once the Request is garbage collected, it never aborts (nodejs/node#55428).
   */
  async function handle(request: Request, signal: AbortSignal = request.signal): Promise<Response> {
    const url = new URL(request.url)
    stats.requests.push(`${request.method} ${url.pathname}${url.search}`)
    if (latencyMs > 0) await delay(latencyMs, signal)
    const faulty = injectedFault(signal)
    if (faulty) return faulty
    if (request.method !== 'GET')
      return errorResponse(405, 'invalid_request_error', `Method ${request.method} not allowed`)
    const denied = authenticate(request)
    if (denied) return denied
    const workspaceModels = modelsOf(request.headers.get('anthropic-workspace-id'))
    if (url.pathname === '/v1/models') return list(url, workspaceModels)
    const match = /^\/v1\/models\/([^/]+)$/.exec(url.pathname)
    if (match) return retrieve(match[1]!, workspaceModels)
    return errorResponse(404, 'not_found_error', `Not found: ${url.pathname}`)
  }

  return {
    handle,
    /** A `fetch` that answers from this fake, for the SDK's `fetch` option. */
    fetch: async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const response = await handle(new Request(input, init), init?.signal ?? undefined)
      // Response.error() is how a handler says "the connection was reset".
      if (response.type === 'error') throw new TypeError('fetch failed: connection reset by the fake upstream')
      return decodedAsFetchWould(response)
    },
    stats,
    setModels(next: readonly Model[]) {
      models = next
      variants = new Map()
    },
    setAliases(next: Readonly<Record<string, string>>) {
      aliases = next
    },
    setShape(next: ModelShape) {
      shape = next
    },
    /** Misbehave on the next `times` requests (all of them when not given), until cleared. */
    setFault(next: Fault | null, times = Infinity) {
      fault = next
      faultCount = times
    },
    setLatency(ms: number) {
      latencyMs = ms
    },
    reset() {
      models = options.models ?? DEMO_MODELS
      variants = new Map()
      aliases = options.aliases ?? DEMO_ALIASES
      shape = options.shape ?? 'current'
      fault = null
      faultCount = Infinity
      latencyMs = 0
      stats.requests.length = 0
      stats.listCalls = 0
      stats.retrieveCalls = 0
    },
  }
}
export type FakeUpstream = ReturnType<typeof createFakeUpstream>

/** A gzip body decoded as it streams, as Node's fetch does: what a reader of the body counts is the decoded bytes. */
function decodedAsFetchWould(response: Response): Response {
  if (response.headers.get('content-encoding') !== 'gzip' || !response.body) return response
  const headers = new Headers(response.headers)
  headers.delete('content-encoding')
  const body = response.body.pipeThrough(
    new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
  )
  return new Response(body, { status: response.status, headers })
}

/** What is wrong with a `lifecycle[]` filter, as the upstream says it: at most 3 values, each a known stage. */
function lifecycleFilterError(asked: readonly string[]): string | null {
  if (asked.length > LIFECYCLES.length) {
    return `lifecycle: at most ${LIFECYCLES.length} values, got ${asked.length}`
  }
  if (asked.some((stage) => stage === '')) return 'lifecycle: a value must not be empty'
  const unknownStage = asked.find((stage) => !(LIFECYCLES as readonly string[]).includes(stage))
  return unknownStage === undefined ? null : `lifecycle: unknown value ${unknownStage}`
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** An id in the real API's shape (`req_` and 24 base62 characters): FAKE, then a counter, so tests can tell it apart. */
function nextRequestId(): string {
  requestCounter += 1
  let digits = ''
  for (let rest = requestCounter; rest > 0; rest = Math.floor(rest / 62)) digits = BASE62[rest % 62] + digits
  return `req_FAKE${digits.padStart(20, '0')}`
}

function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  requestId = nextRequestId(),
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, ...headers },
  })
}

function errorResponse(status: number, type: string, message: string, headers: Record<string, string> = {}): Response {
  const requestId = nextRequestId()
  return json(status, { type: 'error', error: { type, message }, request_id: requestId }, headers, requestId)
}

/** A path segment decoded, or null when its percent escapes are broken (a malformed id names no model). */
function decodedSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // An abort that came first fires no event: without this, the latency would run out regardless.
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

function hangUntilAborted(signal: AbortSignal): Promise<Response> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason))
  })
}
