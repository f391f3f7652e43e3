import {
  AVAILABILITY_STATUSES,
  type AvailabilityRow,
  type AvailabilitySort,
  type AvailabilityStatus,
} from '../../contract/availability'
import type { SortValue } from '../../contract/list-params'
import type { Model } from '../../contract/model'
import { lifecycleOf } from './lifecycle-of'
import { sortModels } from './sort-order'

/** The models of one workspace that has a catalogue. */
export interface WorkspaceModels {
  name: string
  models: readonly Model[]
}

const STATUS_OF_STAGE = { active: 'available', deprecated: 'deprecated', retired: 'retired' } as const

/**
 * One row per model listed in any of the workspaces, with its status in each:
 * available, deprecated, retired or absent. A model retired (or absent)
 * everywhere is left out, as the model list leaves retired models out by
 * default. Name and date come from the first workspace that lists the model.
 */
export function availabilityRows(workspaces: readonly WorkspaceModels[]): AvailabilityRow[] {
  const rows = new Map<string, AvailabilityRow>()
  for (const { name, models } of workspaces) {
    for (const model of models) {
      let row = rows.get(model.id)
      if (!row) {
        row = {
          id: model.id,
          type: model.type,
          display_name: model.display_name,
          created_at: model.created_at,
          status: {},
        }
        rows.set(model.id, row)
      }
      row.status[name] = STATUS_OF_STAGE[lifecycleOf(model)]
    }
  }
  const listed: AvailabilityRow[] = []
  for (const row of rows.values()) {
    for (const { name } of workspaces) row.status[name] ??= 'absent'
    if (Object.values(row.status).some((status) => status === 'available' || status === 'deprecated')) listed.push(row)
  }
  return listed
}

export interface AvailabilityQuery {
  q?: string | undefined
  sort: AvailabilitySort
  differs?: boolean | undefined
}

const rank = (status: AvailabilityStatus | undefined) =>
  status === undefined ? AVAILABILITY_STATUSES.length : AVAILABILITY_STATUSES.indexOf(status)

/**
 * The rows a query selects, in its order. Every term of `q` must be in the id
 * or the name; `differs` keeps the rows whose status is not the same
 * everywhere. A status sort keeps the default order (newest first) among equals.
 */
export function availabilityView(
  rows: readonly AvailabilityRow[],
  query: AvailabilityQuery,
): readonly AvailabilityRow[] {
  const terms = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const selected = rows.filter((row) => {
    if (query.differs && new Set(Object.values(row.status)).size < 2) return false
    const text = `${row.id} ${row.display_name}`.toLowerCase()
    return terms.every((term) => text.includes(term))
  })
  const descending = query.sort.startsWith('-')
  const field = descending ? query.sort.slice(1) : query.sort
  if (!field.startsWith('status:')) return sortModels(selected, query.sort as SortValue)
  const workspace = field.slice('status:'.length)
  const sign = descending ? -1 : 1
  return [...sortModels(selected, '-created_at')].sort(
    (a, b) => sign * (rank(a.status[workspace]) - rank(b.status[workspace])),
  )
}
