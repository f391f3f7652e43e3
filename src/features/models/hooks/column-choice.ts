/** The table's columns in their order; each id is also the BFF's sort key of that column. */
export const TABLE_COLUMNS = [
  'id',
  'display_name',
  'line',
  'created_at',
  'type',
  'max_input_tokens',
  'max_tokens',
] as const
export type TableColumn = (typeof TABLE_COLUMNS)[number]

/**
 * The one column that cannot be hidden: the display name is the row's button that opens the model, so
 * without it a row could not be opened by keyboard.
 */
export const ALWAYS_SHOWN: TableColumn = 'display_name'

/** Shown without `cols`. Type is not: API 2026-10-21 sends "model" on every row. */
export const DEFAULT_COLUMNS: readonly TableColumn[] = ['id', 'display_name', 'line', 'created_at']

const isColumn = (key: string): key is TableColumn => (TABLE_COLUMNS as readonly string[]).includes(key)

/** The columns shown, in table order, the one that cannot be hidden always among them. */
export function shownColumns(chosen: Iterable<string>): TableColumn[] {
  const set = new Set<string>(chosen)
  set.add(ALWAYS_SHOWN)
  return TABLE_COLUMNS.filter((column) => set.has(column))
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.join() === b.join()

/**
 * `cols` in the URL says how the columns differ from the default, in the dialect of `sort`: a column's id
 * shows it, `-id` hides it (`cols=max_tokens,-id`). Unknown items are skipped, the last word on a column
 * wins, and a link written before a column became a default one (`cols=line`) still reads as it meant.
 * Null: the default columns.
 */
export function parseColumns(value: string): TableColumn[] | null {
  const shown = new Set<string>(DEFAULT_COLUMNS)
  for (const item of value.split(',')) {
    const hide = item.startsWith('-')
    const key = hide ? item.slice(1) : item
    if (!isColumn(key)) continue
    if (hide) shown.delete(key)
    else shown.add(key)
  }
  const columns = shownColumns(shown)
  return sameColumns(columns, DEFAULT_COLUMNS) ? null : columns
}

/** The shortest `cols` for the columns shown: the ones added, then `-` the default ones hidden. */
export function serializeColumns(shown: readonly TableColumn[]): string {
  const columns = shownColumns(shown)
  const added = columns.filter((column) => !DEFAULT_COLUMNS.includes(column))
  const hidden = DEFAULT_COLUMNS.filter((column) => !columns.includes(column)).map((column) => `-${column}`)
  return [...added, ...hidden].join(',')
}

/** The columns as the URL keeps them: null for the default set. */
export function columnsParam(shown: readonly TableColumn[]): TableColumn[] | null {
  const columns = shownColumns(shown)
  return sameColumns(columns, DEFAULT_COLUMNS) ? null : columns
}
