import type { Model } from '../../contract/model'
import { isReleaseDateUnknown } from '../../contract/model-values'
import { parseSort, type SortKey, type SortValue } from '../../contract/list-params'

// Numeric so "Haiku 2" sorts before "Haiku 10"; base sensitivity ignores case and accents.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

// isReleaseDateUnknown also covers a date Date.parse cannot read, so the value is never NaN.
function releaseTime(model: Model): number | null {
  return isReleaseDateUnknown(model.created_at) ? null : Date.parse(model.created_at)
}

function tokenCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function retirementTime(model: Model): number | null {
  const time = typeof model.retires_at === 'string' ? Date.parse(model.retires_at) : NaN
  return Number.isNaN(time) ? null : time
}

type Compare = (a: Model, b: Model) => number

/**
 * What a sort key compares, per model: text (in the collator's order) or a
 * number, and null for a model without one (no line, an unknown date or token
 * count), which goes last whichever way the list is sorted.
 */
export type SortValueOf = (model: Model) => string | number | null

export function sortValueOf(key: SortKey): SortValueOf {
  switch (key) {
    case 'created_at':
      return releaseTime
    case 'max_input_tokens':
    case 'max_tokens':
      return (model) => tokenCount(model[key])
    case 'retires_at':
      return retirementTime
    case 'line':
      return (model) => (typeof model.line === 'string' ? model.line : null)
    default:
      return (model) => model[key]
  }
}

/** Compares two present values of one key: the collator's order for text, numeric for numbers. */
export function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'string' ? collator.compare(a, b as string) : a - (b as number)
}

/** Compares by a field; a model without a value goes last whichever way the list is sorted. */
function compareBy(key: SortKey, descending: boolean): Compare {
  const sign = descending ? -1 : 1
  const valueOf = sortValueOf(key)
  return (a, b) => {
    const valueA = valueOf(a)
    const valueB = valueOf(b)
    if (valueA === null || valueB === null) return (valueA === null ? 1 : 0) - (valueB === null ? 1 : 0)
    return sign * compareValues(valueA, valueB)
  }
}

/**
 * The models in the order `sort` asks for. Array.prototype.sort is stable, and
 * descending order flips the comparison rather than the result, so ties keep
 * the upstream's order in both directions.
 */
export function sortModels<T extends Model>(models: readonly T[], sort: SortValue | undefined): readonly T[] {
  if (!sort) return models
  const { key, descending } = parseSort(sort)
  return [...models].sort(compareBy(key, descending))
}
