import { type SortingState, type Updater, useTable } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useStableCallback } from '../../../hooks/use-stable-callback'
import { parseSort, SORT_KEYS, type SortKey, type SortValue } from '../../../contract/list-params'
import type { Model } from '../../../contract/model'
import { modelColumns, tableFeaturesForModels } from '../components/columns'
import type { TableColumn } from './column-choice'

export interface UseModelsTableOptions {
  rows: readonly Model[]
  sort: SortValue | null
  onSortChange: (sort: SortValue | null) => void
  openModel: (id: string) => void
  now: number
  /** The columns shown (the others are not rendered at all); the Compare box is always there. */
  columns: readonly TableColumn[]
  newIds: ReadonlySet<string>
  compared: readonly string[]
  setCompared: (id: string, chosen: boolean) => void
}

const rowId = (model: Model) => model.id

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater
}

function isSortKey(id: string): id is SortKey {
  return (SORT_KEYS as readonly string[]).includes(id)
}

/**
 * The table over one page of models. Sorting and filtering state live in the
 * URL and are applied by the server, so the table sorts in manual mode and its
 * changes go straight back to the URL; the filter does not pass through it.
 */
export function useModelsTable({
  rows,
  sort,
  onSortChange,
  openModel,
  now,
  columns,
  newIds,
  compared,
  setCompared,
}: UseModelsTableOptions) {
  const shown = useMemo(
    () =>
      modelColumns.filter(
        (column) => !('accessorKey' in column) || (columns as readonly string[]).includes(String(column.accessorKey)),
      ),
    [columns],
  )

  const sorting = useMemo<SortingState>(() => {
    if (!sort) return []
    const { key, descending } = parseSort(sort)
    return [{ id: key, desc: descending }]
  }, [sort])

  // Of fixed identity: the rows are memoised (model-row-memo.ts) and keep the handlers they were drawn with.
  const stableOpenModel = useStableCallback(openModel)
  const stableSetCompared = useStableCallback(setCompared)

  return useTable({
    features: tableFeaturesForModels,
    columns: shown,
    data: rows,
    getRowId: rowId,
    state: { sorting },
    manualSorting: true,
    enableMultiSort: false,
    // Every column starts ascending; the third click returns to the API's order.
    sortDescFirst: false,
    enableSortingRemoval: true,
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting)
      onSortChange(first && isSortKey(first.id) ? ((first.desc ? `-${first.id}` : first.id) as SortValue) : null)
    },
    meta: { openModel: stableOpenModel, now, newIds, compared, setCompared: stableSetCompared },
  })
}
export type ModelsTable = ReturnType<typeof useModelsTable>
