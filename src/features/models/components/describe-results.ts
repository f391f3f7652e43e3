import type { SortKey, SortValue } from '../../../contract/list-params'

/** The column names of the sort keys, as their headers say them. */
const SORT_NAMES: Readonly<Record<SortKey, string>> = {
  id: 'ID',
  display_name: 'Display name',
  created_at: 'Released',
  type: 'Type',
  max_input_tokens: 'Context window',
  max_tokens: 'Max output',
  retires_at: 'Retires',
  line: 'Line',
}

type Order = readonly [ascending: string, descending: string]
const ALPHABETICAL: Order = ['A to Z', 'Z to A']
const NUMERIC: Order = ['smallest first', 'largest first']
const ORDERS: Readonly<Record<SortKey, Order>> = {
  id: ALPHABETICAL,
  display_name: ALPHABETICAL,
  created_at: ['oldest first', 'newest first'],
  type: ALPHABETICAL,
  max_input_tokens: NUMERIC,
  max_tokens: NUMERIC,
  retires_at: ['soonest first', 'latest first'],
  line: ALPHABETICAL,
}

/** "Sorted by Released, newest first." — no sort is the upstream's own order, newest first. */
export function describeSort(sort: SortValue | null): string {
  if (sort === null) return 'Sorted by Released, newest first.'
  const descending = sort.startsWith('-')
  const key = (descending ? sort.slice(1) : sort) as SortKey
  return `Sorted by ${SORT_NAMES[key]}, ${ORDERS[key][descending ? 1 : 0]}.`
}

/** What a screen reader hears once a sort or filter has its results: "Sorted by Released, newest first. 12 models." */
export function describeResults(sort: SortValue | null, total: number): string {
  const count = total === 0 ? 'No models match.' : total === 1 ? '1 model.' : `${total} models.`
  return `${describeSort(sort)} ${count}`
}
