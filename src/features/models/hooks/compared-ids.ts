import { LISTED_ID_PATTERN } from '../../../contract/list-params'

/** At most this many models side by side. */
export const MAX_COMPARED = 4

// An id may hold a comma (the upstream's ids are not ours to restrict): in the comma list it is written
// as %2C, and a % as %25, so every id the upstream lists comes back whole.
const ESCAPED = /%(2C|25)/gi
const unescape = (item: string) => item.replace(ESCAPED, (code) => (code.toUpperCase() === '%2C' ? ',' : '%'))
const escape = (id: string) => id.replaceAll('%', '%25').replaceAll(',', '%2C')

/**
 * `compare=id1,id2`: the ids compared, any id the upstream may list (as `model=` takes it), without repeats,
 * at most four; null for none. An id that is not in the catalogue is kept, and shown as such.
 */
export function parseComparedIds(value: string): string[] | null {
  const ids = value
    .split(',')
    .map(unescape)
    .filter((id) => LISTED_ID_PATTERN.test(id))
  const unique = [...new Set(ids)].slice(0, MAX_COMPARED)
  return unique.length > 0 ? unique : null
}

export function serializeComparedIds(ids: readonly string[]): string {
  return ids.map(escape).join(',')
}
