import type { SortValue } from '../../src/contract/list-params'

/** Every kind of request the soak sends, with its share of the traffic (in percent). */
export const MIX = {
  page: 26, // the first page of a view (a filter, a sort, a page size)
  next: 20, // after_id: the page after the one last seen
  previous: 10, // before_id: the page before it
  conditional: 10, // the last page again with If-None-Match
  refresh: 2, // refresh=1
  detail: 12, // one model, by id or alias
  'detail-missing': 3, // a well-formed id of no model
  bad: 12, // bad input of every kind
  health: 5,
} as const
export type RequestKind = keyof typeof MIX

/** What the answer to a request must be; see judge.ts. */
export type Expectation =
  | {
      type: 'list'
      limit: number
      terms: string[]
      sort: SortValue | undefined
      /** Where the page must start, or end for before_id, in its view. */
      position?: { start: number } | { end: number }
      /** The snapshot (`fetched_at`) the position was counted in: a newer one may have moved the models. */
      positionIn?: string
      ifNoneMatch?: string
    }
  | { type: 'model'; id: string }
  | { type: 'missing-model' }
  | { type: 'error'; status: number; errorType: string }
  | { type: 'health' }

export interface PlannedRequest {
  kind: RequestKind
  path: string
  method?: string
  headers?: Record<string, string>
  expect: Expectation
}

const QUERIES = ['', '', 'sonnet', 'opus', 'haiku 1', 'claude', 'synthetic 2', 'lyric 12', 'no-such-model-anywhere']
const SORTS: (SortValue | undefined)[] = [
  undefined,
  'id',
  '-id',
  'display_name',
  '-display_name',
  'created_at',
  '-created_at',
  'type',
]
const LIMITS = [20, 20, 50, 7, 1]
// Aliases the fake resolves to models of the synthetic catalogue (claude-opus-4-1's model is retired, so left out).
const ALIASES = ['claude-opus-4-5', 'claude-haiku-4-5', 'claude-sonnet-4-5']

const BAD_INPUT: { path: string; method?: string; status: number; errorType: string }[] = [
  { path: '/api/models?limit=0', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?limit=abc', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?limit=1001', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?sort=price', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?after_id=a&before_id=b', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?limit=1&limit=2', status: 400, errorType: 'invalid_request_error' },
  { path: `/api/models?q=${'x'.repeat(201)}`, status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?refresh=maybe', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models?after_id=not-a-model-of-this-view', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models/bad%20id', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models/...', status: 400, errorType: 'invalid_request_error' },
  { path: '/api/models', method: 'POST', status: 405, errorType: 'invalid_request_error' },
  { path: '/api/models/claude-opus-4-6', method: 'DELETE', status: 405, errorType: 'invalid_request_error' },
  { path: '/api/nothing-here', status: 404, errorType: 'not_found_error' },
]

/** A small seeded generator (mulberry32), so a soak sends the same sequence each time. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! }
}
type Random = ReturnType<typeof seededRandom>

interface View {
  q: string
  sort: SortValue | undefined
  limit: number
}

/** What a user last saw of their view: enough to page on from it. */
export interface SeenPage {
  path: string
  etag: string | undefined
  ids: string[]
  offset: number
  total: number
  fetchedAt: string
}

/** An id that a path segment can carry (encoded): not one made only of dots, which URLs resolve away. */
export function fitsInPath(id: string): boolean {
  return !/^\.+$/.test(id)
}

function listPath(view: View, cursor: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const search = new URLSearchParams()
  if (view.q) search.set('q', view.q)
  if (view.sort) search.set('sort', view.sort)
  search.set('limit', String(view.limit))
  for (const [name, value] of Object.entries({ ...cursor, ...extra })) search.set(name, value)
  return `/api/models?${search}`
}

/**
 * One simulated user: a view of the catalogue, the page of it last seen, and
 * the next request, drawn from MIX, that follows from them.
 */
export function createUser(random: Random) {
  const weights = Object.entries(MIX) as [RequestKind, number][]
  const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0)
  let view: View = { q: '', sort: undefined, limit: 20 }
  let seen: SeenPage | null = null

  const terms = () => view.q.toLowerCase().split(/\s+/).filter(Boolean)
  const list = (kind: RequestKind, path: string, extra: Partial<Extract<Expectation, { type: 'list' }>> = {}) => ({
    kind,
    path,
    expect: { type: 'list' as const, limit: view.limit, terms: terms(), sort: view.sort, ...extra },
  })

  function firstPage(): PlannedRequest {
    view = { q: random.pick(QUERIES), sort: random.pick(SORTS), limit: random.pick(LIMITS) }
    seen = null
    return list('page', listPath(view), { position: { start: 0 } })
  }

  function plan(kind: RequestKind): PlannedRequest {
    switch (kind) {
      case 'page':
        return firstPage()
      case 'next':
        if (!seen || seen.ids.length === 0 || seen.offset + seen.ids.length >= seen.total) return firstPage()
        return list('next', listPath(view, { after_id: seen.ids.at(-1)! }), {
          position: { start: seen.offset + seen.ids.length },
          positionIn: seen.fetchedAt,
        })
      case 'previous':
        if (!seen || seen.ids.length === 0 || seen.offset === 0) return firstPage()
        return list('previous', listPath(view, { before_id: seen.ids[0]! }), {
          position: { end: seen.offset },
          positionIn: seen.fetchedAt,
        })
      case 'conditional':
        if (!seen?.etag) return firstPage()
        return {
          ...list('conditional', seen.path, { ifNoneMatch: seen.etag }),
          headers: { 'if-none-match': seen.etag },
        }
      case 'refresh':
        return list('refresh', listPath(view, {}, { refresh: '1' }), { position: { start: 0 } })
      case 'detail': {
        // The odd-ids phase lists ids such as `..`, which no path can open; they are pageable, and skipped here.
        const openable = seen?.ids.filter(fitsInPath) ?? []
        const id = openable.length > 0 && random.next() < 0.8 ? random.pick(openable) : random.pick(ALIASES)
        return { kind, path: `/api/models/${encodeURIComponent(id)}`, expect: { type: 'model', id } }
      }
      case 'detail-missing':
        return {
          kind,
          path: `/api/models/claude-no-such-model-${Math.floor(random.next() * 1000)}`,
          expect: { type: 'missing-model' },
        }
      case 'bad': {
        const bad = random.pick(BAD_INPUT)
        return {
          kind,
          path: bad.path,
          method: bad.method,
          expect: { type: 'error', status: bad.status, errorType: bad.errorType },
        }
      }
      case 'health':
        return { kind, path: '/api/health', expect: { type: 'health' } }
    }
  }

  return {
    next(): PlannedRequest {
      let draw = random.next() * totalWeight
      for (const [kind, weight] of weights) {
        draw -= weight
        if (draw < 0) return plan(kind)
      }
      return plan('page')
    },
    /** Remembers a list page the user was shown (a 200 of their current view). */
    saw(page: SeenPage): void {
      seen = page
    },
  }
}
