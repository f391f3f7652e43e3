import { useTable } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useStableCallback } from '../../../hooks/use-stable-callback'
import type { SortKey, SortValue } from '../../../contract/list-params'
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

/** The sort after a click on the header of `key`: ascending, then descending, then the API's order. */
export function nextSort(current: SortValue | null, key: SortKey): SortValue | null {
  if (current === key) return `-${key}`
  return current === `-${key}` ? null : key
}

/**
 * The table over one page of models. Sorting and filtering state live in the
 * URL and are applied by the server: the table only renders the rows, and a
 * header's click goes straight back to the URL; the filter does not pass
 * through it.
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

  // Of fixed identity: the rows are memoised (model-row-memo.ts) and keep the handlers they were drawn with.
  const stableOpenModel = useStableCallback(openModel)
  const stableSetCompared = useStableCallback(setCompared)

  return useTable({
    features: tableFeaturesForModels,
    columns: shown,
    data: rows,
    getRowId: rowId,
    meta: {
      openModel: stableOpenModel,
      now,
      newIds,
      compared,
      setCompared: stableSetCompared,
      sort,
      toggleSort: (key) => onSortChange(nextSort(sort, key)),
    },
  })
}
export type ModelsTable = ReturnType<typeof useModelsTable>
