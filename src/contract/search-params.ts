import type * as z from 'zod/mini'
import type { ParseResult } from './list-params'

/**
 * Parses URL search parameters with a schema of string fields, by the rules of
 * `parseListParams`: a parameter given twice is an error rather than a silent
 * pick, an empty value means the parameter was left out, and unknown parameters
 * are ignored, as the upstream does.
 */
export function parseSearchParams<Schema extends z.ZodMiniObject>(
  schema: Schema,
  search: URLSearchParams,
): ParseResult<z.output<Schema>> {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(schema.shape)) {
    const values = search.getAll(key).filter((value) => value !== '')
    if (values.length > 1) return { ok: false, message: `${key} was given more than once` }
    if (values.length === 1) raw[key] = values[0]!
  }
  const result = schema.safeParse(raw)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, message: result.error.issues.map((issue) => issue.message).join('; ') }
}
