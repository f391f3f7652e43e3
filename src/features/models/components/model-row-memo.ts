import type { Row } from '@tanstack/react-table'
import type { Model } from '../../../contract/model'
import type { ModelsTable } from '../hooks/use-models-table'
import type { tableFeaturesForModels } from './columns'
import { compareStateOf } from './model-row-parts'

/**
 * Everything a model's row (DataTable) or card (ModelCardList) shows: its
 * model, the columns shown, and its part of the table's meta. A row is drawn
 * again only when one of these changes, so opening the dialog, a click on a
 * paging button or a keystroke in the filter (the list still the same) does
 * not redraw every row and card of the page (issue 10: input to next paint
 * within 200 ms with the CPU 4× slower). Its handlers come from the meta,
 * whose callbacks keep their identity and act on the current state.
 */
export interface ModelRowProps {
  row: Row<typeof tableFeaturesForModels, Model>
  /** The table's columns (their identity changes only when the choice of columns does). */
  columns: unknown
  now: number
  isNew: boolean
  chosen: boolean
  /** Four models are chosen: this one's Compare box waits, unless it is one of them. */
  full: boolean
  /** Opens the model; this and setCompared keep their identity (see useModelsTable). */
  openModel: (id: string) => void
  setCompared: (id: string, chosen: boolean) => void
}

/** The props of the row of `row` in `table`. */
export function modelRowProps(table: ModelsTable, row: ModelRowProps['row']): ModelRowProps {
  const meta = table.options.meta
  const id = row.original.id
  return {
    row,
    columns: table.options.columns,
    now: meta?.now ?? 0,
    isNew: meta?.newIds.has(id) ?? false,
    ...compareStateOf(meta, id),
    openModel: meta?.openModel ?? NOTHING,
    setCompared: meta?.setCompared ?? NOTHING,
  }
}

/**
 * React.memo's comparison for a row: the same model (not the same Row object,
 * which the table may build anew for the same model) with the same columns and meta.
 */
export function sameModelRow(before: ModelRowProps, after: ModelRowProps): boolean {
  return (
    before.row.original === after.row.original &&
    before.columns === after.columns &&
    before.now === after.now &&
    before.isNew === after.isNew &&
    before.chosen === after.chosen &&
    before.full === after.full &&
    before.openModel === after.openModel &&
    before.setCompared === after.setCompared
  )
}

const NOTHING = () => {}
