import type { ApiErrorBody } from './api-error'
import type { SeenAnswer } from './history'
import type { Me } from './me'
import type { Health, Model, ModelPage } from './model'
import {
  answerShape,
  arrayOf,
  type Check,
  isBoolean,
  isNumber,
  isString,
  nullable,
  nullish,
  objectWith,
  oneOf,
  optional,
} from './shape-check'

// The shapes of the answers the browser's entry reads, as the zod schemas beside each type say them
// (model.ts, history.ts, me.ts, api-error.ts); answer-checks.test.ts holds both to the same verdicts.

const leaf = nullish(objectWith({ supported: isBoolean }))
const group = (leaves: readonly string[], more: Readonly<Record<string, Check>> = {}) =>
  nullish(
    objectWith({ supported: optional(isBoolean), ...Object.fromEntries(leaves.map((key) => [key, leaf])), ...more }),
  )

const capabilities = objectWith({
  batch: leaf,
  citations: leaf,
  code_execution: leaf,
  context_management: group(['clear_thinking_20251015', 'clear_tool_uses_20250919', 'compact_20260112']),
  effort: group(['low', 'medium', 'high', 'max', 'xhigh']),
  image_input: leaf,
  pdf_input: leaf,
  server_tools: group(['web_search', 'code_execution']),
  structured_outputs: leaf,
  thinking: group([], { types: group(['adaptive', 'between_tools', 'disabled', 'enabled']) }),
})

/** The fields of a model the API names (modelSchema's); any other passes through. */
export const MODEL_FIELDS: Readonly<Record<keyof Model & string, Check>> = {
  id: isString,
  type: isString,
  display_name: isString,
  created_at: isString,
  lifecycle: nullish(isString),
  deprecated_at: nullish(isString),
  retires_at: nullish(isString),
  max_input_tokens: nullish(isNumber),
  max_tokens: nullish(isNumber),
  line: nullish(isString),
  capabilities: nullish(capabilities),
}
const model = objectWith(MODEL_FIELDS)

export const modelShape = answerShape<Model>(model)

export const modelPageShape = answerShape<ModelPage>(
  objectWith({
    data: arrayOf(model),
    first_id: nullable(isString),
    last_id: nullable(isString),
    has_more: isBoolean,
    total: isNumber,
    offset: isNumber,
    fetched_at: isString,
    stale: isBoolean,
    refresh_error: nullable(isString),
  }),
)

export const healthShape = answerShape<Health>(
  objectWith({
    status: oneOf('ok'),
    mode: oneOf('demo', 'live'),
    workspace: isString,
    workspaces: arrayOf(isString),
    catalogue: objectWith({
      count: isNumber,
      fetched_at: nullable(isString),
      age_seconds: nullable(isNumber),
      stale: isBoolean,
      refresh_error: nullable(isString),
      walking_for_seconds: optional(nullable(isNumber)),
    }),
  }),
)

export const seenAnswerShape = answerShape<SeenAnswer>(
  objectWith({
    workspace: isString,
    history_started_at: nullable(isString),
    last_walk_at: nullable(isString),
    catalogue_error: optional(
      nullable(objectWith({ type: isString, message: isString, operator_hint: optional(isString) })),
    ),
    data: arrayOf(
      objectWith({
        model_id: isString,
        display_name: isString,
        first_seen: isString,
        baseline: isBoolean,
        last_seen: isString,
        removed_at: nullable(isString),
      }),
    ),
    first_id: nullable(isString),
    last_id: nullable(isString),
    has_more: isBoolean,
  }),
)

export const meShape = answerShape<Me>(
  objectWith({
    name: nullable(isString),
    kind: oneOf('user', 'proxy', 'token', 'anonymous'),
    sign_out_url: nullable(isString),
  }),
)

export const apiErrorBodyShape = answerShape<ApiErrorBody>(
  objectWith({
    type: oneOf('error'),
    error: objectWith({ type: isString, message: isString, operator_hint: optional(isString) }),
    request_id: optional(isString),
    upstream_request_id: optional(isString),
  }),
)
