import { isReleaseDateUnknown, type Model } from '../../contract/model'
import { parseSort, type SortKey, type SortValue } from '../../contract/list-params'

// Numeric so "Haiku 2" sorts before "Haiku 10"; base sensitivity ignores case and accents.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

function releaseTime(model: Model): number | null {
  return isReleaseDateUnknown(model.created_at) ? null : Date.parse(model.created_at)
}

type Compare = (a: Model, b: Model) => number

function compareBy(key: SortKey, descending: boolean): Compare {
  const sign = descending ? -1 : 1
  if (key === 'created_at') {
    return (a, b) => {
      const timeA = releaseTime(a)
      const timeB = releaseTime(b)
      // Unknown release dates go last whichever way the list is sorted.
      if (timeA === null || timeB === null) return (timeA === null ? 1 : 0) - (timeB === null ? 1 : 0)
      return sign * (timeA - timeB)
    }
  }
  return (a, b) => sign * collator.compare(a[key], b[key])
}

/**
 * The models in the order `sort` asks for. Array.prototype.sort is stable, and
 * descending order flips the comparison rather than the result, so ties keep
 * the upstream's order in both directions.
 */
export function sortModels(models: readonly Model[], sort: SortValue | undefined): readonly Model[] {
  if (!sort) return models
  const { key, descending } = parseSort(sort)
  return [...models].sort(compareBy(key, descending))
}
