import { type CapabilityPath, capabilitySupport } from '../../contract/capabilities'
import { NO_LINE } from '../../contract/list-params'
import type { Model } from '../../contract/model'

const DAY_MS = 86_400_000

/** The list's filters on the record's fields, as parsed from `line`, `caps`, `min_context` and `retiring_within`. */
export interface ModelFilters {
  line?: readonly string[] | undefined
  caps?: readonly CapabilityPath[] | undefined
  min_context?: number | undefined
  retiring_within?: number | undefined
}

/** The filters as one string, equal for equal filters (the parse puts lists in order); empty for none. */
export function filtersKey(filters: ModelFilters): string {
  return [
    filters.line?.join(',') ?? '',
    filters.caps?.join(',') ?? '',
    filters.min_context ?? '',
    filters.retiring_within ?? '',
  ].join('\u0001')
}

/**
 * The test a model must pass for these filters (all of them: they are AND-ed),
 * or null when there is none. `now` is when "retiring within N days" counts
 * from: the snapshot's time, so a view is the same for as long as its snapshot.
 *
 * - `line`: the model's line is one of them; `none` matches a null or absent line.
 * - `caps`: every path is `supported: true`; a model without a capability tree matches none.
 * - `min_context`: `max_input_tokens` is at least that; an unknown one never matches.
 * - `retiring_within`: deprecated, and `retires_at` no later than that many days from now (overdue included).
 */
export function modelFilter(filters: ModelFilters, now: number): ((model: Model) => boolean) | null {
  const tests: ((model: Model) => boolean)[] = []
  const lines = filters.line
  if (lines && lines.length > 0) {
    const wanted = new Set(lines)
    tests.push((model) => wanted.has(typeof model.line === 'string' ? model.line : NO_LINE))
  }
  const caps = filters.caps
  if (caps && caps.length > 0) {
    tests.push((model) => caps.every((path) => capabilitySupport(model.capabilities, path) === true))
  }
  const minContext = filters.min_context
  if (minContext !== undefined) {
    tests.push((model) => typeof model.max_input_tokens === 'number' && model.max_input_tokens >= minContext)
  }
  const withinDays = filters.retiring_within
  if (withinDays !== undefined) {
    const until = now + withinDays * DAY_MS
    tests.push((model) => {
      if (model.lifecycle !== 'deprecated' || typeof model.retires_at !== 'string') return false
      const retires = Date.parse(model.retires_at)
      return !Number.isNaN(retires) && retires <= until
    })
  }
  if (tests.length === 0) return null
  return (model) => tests.every((test) => test(model))
}
