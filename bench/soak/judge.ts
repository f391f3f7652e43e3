import * as z from 'zod/mini'
import { apiErrorBodySchema } from '../../src/contract/api-error'
import { healthSchema, type ModelPage, modelPageSchema, modelSchema } from '../../src/contract/model'
import { DEMO_ALIASES } from '../../src/fake-upstream/demo-catalogue'
import { sortModels } from '../../src/server/catalogue/sort-order'
import type { Answer } from './client'
import type { Expectation } from './request-mix'

export interface Verdict {
  /** Why the answer is wrong; absent when it is right. */
  problem?: string
  /** A 5xx (or no answer), which only the upstream can cause. */
  upstreamFailure: boolean
  /** A list page saying the last refresh failed: stale-if-error at work. */
  servedStale: boolean
  page?: ModelPage
}

// The README's table: the error types each status may carry.
const ERROR_TYPES_BY_STATUS: Readonly<Record<number, readonly string[]>> = {
  400: ['invalid_request_error'],
  404: ['not_found_error'],
  405: ['invalid_request_error'],
  502: ['api_error', 'authentication_error', 'permission_error', 'invalid_request_error', 'not_found_error'],
  503: ['rate_limit_error', 'overloaded_error'],
  504: ['timeout_error'],
}
const UPSTREAM_STATUSES = new Set([502, 503, 504])
const strictErrorSchema = z.strictObject(apiErrorBodySchema.shape)

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** A well-formed error with the status the README maps its cause to; null when it is one. */
function errorProblem(answer: Answer): string | null {
  const parsed = strictErrorSchema.safeParse(parseJson(answer.body))
  if (!parsed.success) return `${answer.status} without the error shape: ${answer.body.slice(0, 120)}`
  const allowed = ERROR_TYPES_BY_STATUS[answer.status]
  if (!allowed) return `unexpected status ${answer.status} (${parsed.data.error.type}: ${parsed.data.error.message})`
  if (!allowed.includes(parsed.data.error.type)) return `${answer.status} with error type ${parsed.data.error.type}`
  if (answer.headers['cache-control'] !== 'no-store') return `${answer.status} error without Cache-Control: no-store`
  if (answer.status === 503 && parsed.data.error.type === 'overloaded_error' && !answer.headers['retry-after']) {
    return '503 overloaded without the Retry-After the upstream sent'
  }
  return null
}

function listProblem(page: ModelPage, expect: Extract<Expectation, { type: 'list' }>): string | null {
  const { data } = page
  if (data.length > expect.limit) return `${data.length} models on a page of ${expect.limit}`
  if (page.first_id !== (data[0]?.id ?? null) || page.last_id !== (data.at(-1)?.id ?? null)) {
    return 'first_id/last_id do not match the data'
  }
  if (page.offset < 0 || page.offset + data.length > page.total) return `offset ${page.offset} outside the view`
  const miss = data.find((model) => {
    const text = `${model.id}\n${model.display_name}`.toLowerCase()
    return !expect.terms.every((term) => text.includes(term))
  })
  if (miss) return `${miss.id} does not match the filter ${expect.terms.join(' ')}`
  const resorted = sortModels(data, expect.sort)
  if (resorted.some((model, index) => model !== data[index])) return `the page is not in ${expect.sort} order`
  // A page of a newer snapshot may rightly start elsewhere: models came or went in between.
  const position =
    expect.positionIn === undefined || page.fetched_at === expect.positionIn ? expect.position : undefined
  if (position && 'start' in position && page.offset !== position.start) {
    return `the page starts at ${page.offset}, not ${position.start}`
  }
  if (position && 'end' in position && page.offset + data.length !== position.end) {
    return `the page ends at ${page.offset + data.length}, not ${position.end}`
  }
  return null
}

/** Whether an answer is valid data for what was asked, or a well-formed error with the mapped status. */
export function judge(answer: Answer, expect: Expectation): Verdict {
  const verdict = (problem: string | null, extra: Partial<Verdict> = {}): Verdict => ({
    upstreamFailure: answer.status === 0 || answer.status >= 500,
    servedStale: false,
    ...(problem ? { problem } : {}),
    ...extra,
  })
  if (answer.status === 0) return verdict(`no answer: ${answer.body}`)
  const csp = answer.headers['content-security-policy']
  if (typeof csp !== 'string' || !csp.includes("frame-ancestors 'none'")) return verdict('no security headers')

  if (answer.status >= 400) {
    const problem = errorProblem(answer)
    if (problem) return verdict(problem)
    if (expect.type === 'error') {
      return verdict(answer.status === expect.status ? null : `${answer.status} where ${expect.status} was due`)
    }
    if (expect.type === 'missing-model' && answer.status === 404) return verdict(null)
    // A list's only client error is a cursor the view does not hold; everything else is the upstream's doing.
    if (expect.type === 'list' && answer.status === 400) return verdict(null)
    return verdict(UPSTREAM_STATUSES.has(answer.status) ? null : `${answer.status} for a ${expect.type} request`)
  }

  const body = parseJson(answer.body)
  switch (expect.type) {
    case 'list': {
      if (answer.status === 304) return verdict(expect.ifNoneMatch ? null : '304 without If-None-Match')
      const parsed = modelPageSchema.safeParse(body)
      if (answer.status !== 200 || !parsed.success) return verdict(`${answer.status} without a page of models`)
      return verdict(listProblem(parsed.data, expect), {
        servedStale: parsed.data.refresh_error !== null,
        page: parsed.data,
      })
    }
    case 'model': {
      const parsed = modelSchema.safeParse(body)
      if (answer.status !== 200 || !parsed.success) return verdict(`${answer.status} without a model`)
      const wanted = DEMO_ALIASES[expect.id] ?? expect.id
      return verdict(parsed.data.id === wanted ? null : `asked for ${expect.id}, got ${parsed.data.id}`)
    }
    case 'health':
      return verdict(answer.status === 200 && healthSchema.safeParse(body).success ? null : 'health without its shape')
    default:
      return verdict(`${answer.status} where an error was due`)
  }
}
