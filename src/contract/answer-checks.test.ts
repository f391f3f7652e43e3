import { describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from './api-error'
import { apiErrorBodyShape, healthShape, meShape, modelPageShape, modelShape, seenAnswerShape } from './answer-checks'
import { seenAnswerSchema } from './history'
import { meSchema } from './me'
import { healthSchema, modelPageSchema, modelSchema } from './model'
import type { AnswerShape } from './shape-check'

const leaf = { supported: true }
const MODEL = {
  id: 'claude-opus-4-6',
  type: 'model',
  display_name: 'Claude Opus 4.6',
  created_at: '2026-02-05T00:00:00Z',
  lifecycle: 'active',
  deprecated_at: null,
  retires_at: '2027-02-05T00:00:00Z',
  max_input_tokens: 200_000,
  max_tokens: 128_000,
  line: 'opus',
  capabilities: {
    batch: leaf,
    citations: { supported: false },
    code_execution: null,
    context_management: {
      supported: true,
      clear_thinking_20251015: leaf,
      clear_tool_uses_20250919: leaf,
      compact_20260112: leaf,
    },
    effort: { supported: true, low: leaf, medium: leaf, high: leaf, max: leaf, xhigh: leaf },
    image_input: leaf,
    pdf_input: leaf,
    server_tools: { supported: true, web_search: leaf, code_execution: leaf },
    structured_outputs: leaf,
    thinking: { supported: true, types: { adaptive: leaf, between_tools: leaf, disabled: leaf, enabled: leaf } },
    a_capability_from_a_later_api: { anything: [1, 2] },
  },
  a_field_from_a_later_api: 'kept',
}

// Each answer the browser's entry reads, with every field the schema names filled in.
const ANSWERS: [name: string, answer: unknown, shape: AnswerShape<unknown>, schema: AnswerShape<unknown>][] = [
  ['a model', MODEL, modelShape, modelSchema],
  [
    'a page of models',
    {
      data: [MODEL, { id: 'm', type: 'model', display_name: 'M', created_at: '1970-01-01T00:00:00Z' }],
      first_id: 'claude-opus-4-6',
      last_id: 'm',
      has_more: true,
      total: 2,
      offset: 0,
      fetched_at: '2026-12-01T00:00:00Z',
      stale: false,
      refresh_error: null,
    },
    modelPageShape,
    modelPageSchema,
  ],
  [
    'the health answer',
    {
      status: 'ok',
      mode: 'demo',
      workspace: 'default',
      workspaces: ['default', 'staging'],
      catalogue: {
        count: 3,
        fetched_at: null,
        age_seconds: 12,
        stale: false,
        refresh_error: 'x',
        walking_for_seconds: 1,
      },
    },
    healthShape,
    healthSchema,
  ],
  [
    'the seen answer',
    {
      workspace: 'default',
      history_started_at: '2026-10-01T00:00:00Z',
      last_walk_at: null,
      catalogue_error: { type: 'api_error', message: 'm', operator_hint: 'h' },
      data: [
        {
          model_id: 'm',
          display_name: 'M',
          first_seen: '2026-10-01T00:00:00Z',
          baseline: false,
          last_seen: '2026-10-02T00:00:00Z',
          removed_at: null,
        },
      ],
      first_id: 'm',
      last_id: 'm',
      has_more: false,
    },
    seenAnswerShape,
    seenAnswerSchema,
  ],
  ['who the caller is', { name: 'Ada', kind: 'user', sign_out_url: '/auth/sign-out' }, meShape, meSchema],
  [
    'an error',
    {
      type: 'error',
      error: { type: 'rate_limit_error', message: 'm', operator_hint: 'h' },
      request_id: 'req_1',
      upstream_request_id: 'req_2',
    },
    apiErrorBodyShape,
    apiErrorBodySchema,
  ],
]

const WRONG_VALUES: unknown[] = [undefined, null, 'text', 42, Number.NaN, true, [], {}, [{}]]

/** The answer with the value at `path` replaced (undefined: removed). */
function replaced(answer: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const [key, ...rest] = path
  const copy = (Array.isArray(answer) ? [...answer] : { ...(answer as object) }) as Record<string | number, unknown>
  if (rest.length === 0 && value === undefined) delete copy[key!]
  else copy[key!] = replaced(copy[key!], rest, value)
  return copy
}

/** Every path to a value inside `value`, the root included. */
function pathsIn(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path]
  return [
    path,
    ...Object.entries(value).flatMap(([key, inner]) =>
      pathsIn(inner, [...path, Array.isArray(value) ? Number(key) : key]),
    ),
  ]
}

describe('the browser’s checks of its server’s answers', () => {
  it.each(ANSWERS)('accept %s as the zod schema does', (_name, answer, shape, schema) => {
    expect(schema.safeParse(answer).success).toBe(true)
    expect(shape.safeParse(answer)).toEqual({ success: true, data: answer })
  })

  it.each(ANSWERS)('refuse what the zod schema refuses in %s, field by field', (_name, answer, shape, schema) => {
    for (const path of pathsIn(answer)) {
      for (const value of WRONG_VALUES) {
        // JSON has no holes in an array: an item removed is not a case to check.
        if (value === undefined && typeof path.at(-1) === 'number') continue
        const changed = replaced(answer, path, value)
        expect(shape.safeParse(changed).success, `${path.join('.') || 'the answer'} = ${JSON.stringify(value)}`).toBe(
          schema.safeParse(changed).success,
        )
      }
    }
  })
})
