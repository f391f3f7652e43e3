import type { Model } from '../../contract/model'
import { isReleaseDateUnknown } from '../../contract/model-values'
import { parseSort, type SortKey, type SortValue } from '../../contract/list-params'

// Numeric so "Haiku 2" sorts before "Haiku 10"; base sensitivity ignores case and accents.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

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

/** Compares text; a model without one (no line) goes last whichever way the list is sorted. */
function compareTexts(valueOf: (model: Model) => string | null, sign: number): Compare {
  return (a, b) => {
    const valueA = valueOf(a)
    const valueB = valueOf(b)
    if (valueA === null || valueB === null) return (valueA === null ? 1 : 0) - (valueB === null ? 1 : 0)
    return sign * collator.compare(valueA, valueB)
  }
}

/** Compares numbers; unknown ones (an epoch date, a missing token count or retirement date) go last whichever way the list is sorted. */
function compareNumbers(valueOf: (model: Model) => number | null, sign: number): Compare {
  return (a, b) => {
    const valueA = valueOf(a)
    const valueB = valueOf(b)
    if (valueA === null || valueB === null) return (valueA === null ? 1 : 0) - (valueB === null ? 1 : 0)
    return sign * (valueA - valueB)
  }
}

function compareBy(key: SortKey, descending: boolean): Compare {
  const sign = descending ? -1 : 1
  switch (key) {
    case 'created_at':
      return compareNumbers(releaseTime, sign)
    case 'max_input_tokens':
    case 'max_tokens':
      return compareNumbers((model) => tokenCount(model[key]), sign)
    case 'retires_at':
      return compareNumbers(retirementTime, sign)
    case 'line':
      return compareTexts((model) => (typeof model.line === 'string' ? model.line : null), sign)
    default:
      return (a, b) => sign * collator.compare(a[key], b[key])
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
