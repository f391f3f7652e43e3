import { createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { SortKey, SortValue } from '../../../contract/list-params'
import type { Model } from '../../../contract/model'
import { LifecycleBadge, NewBadge } from './model-badges'
import { ReleaseDate } from '../../../components/release-date'
import { LINE_LABELS } from './capability-labels'
import { CompareBox, compareStateOf, CopyModelIdButton, ModelNameButton } from './model-row-parts'

export interface ModelsTableMeta {
  openModel: (id: string) => void
  /** For relative dates; moves once a minute. */
  now: number
  /** Models first seen within the last 14 days. */
  newIds: ReadonlySet<string>
  /** The ids chosen for comparison (the URL's `compare`). */
  compared: readonly string[]
  /** Ticks or unticks a row's Compare box. */
  setCompared: (id: string, chosen: boolean) => void
  /** The URL's sort, which the server applies (null: the API's order). */
  sort: SortValue | null
  /** A click on a column's header: ascending, then descending, then back to the API's order. */
  toggleSort: (key: SortKey) => void
}

export interface ModelsColumnMeta {
  /** Classes for the column's header and cells, e.g. to hide it on narrow screens. */
  className?: string
}

const tokens = new Intl.NumberFormat()

function TokenCount({ value }: { value: unknown }) {
  if (typeof value !== 'number') return <span className="text-zinc-500 dark:text-zinc-400">Unknown</span>
  return <span className="tabular-nums">{tokens.format(value)}</span>
}

/** The line as sent (named where the dashboard knows it); a model without one says so, never a guess from its id. */
export function LineName({ line }: { line: string | null | undefined }) {
  if (typeof line !== 'string') return <span className="text-zinc-500 dark:text-zinc-400">No line</span>
  return <span>{LINE_LABELS[line] ?? line}</span>
}

function RowCompareBox({ id, meta }: { id: string; meta: ModelsTableMeta | undefined }) {
  return <CompareBox id={id} {...compareStateOf(meta, id)} setCompared={meta?.setCompared} />
}

// Sorting and filtering belong to the server (over the whole catalogue): the
// table renders what it is given. Neither goes through the table: the sort is
// the URL's, in the meta (a header's click writes it), and the toolbar's field
// writes the filter. The table's filtering features would cost the first
// visit's script about 3 KB, its sorting feature about 1.5 KB, for state the
// table never uses.
export const tableFeaturesForModels = tableFeatures({
  tableMeta: {} as ModelsTableMeta,
  columnMeta: {} as ModelsColumnMeta,
})

const column = createColumnHelper<typeof tableFeaturesForModels, Model>()

// The table lays out by content: every column but the display name is as wide as its content (w-px), so the
// display name gets all the free space and is never cut while another column has room to spare.
const FIT = 'w-px'

/** Column ids are the BFF's sort keys, in the order of TABLE_COLUMNS. */
export const modelColumns = column.columns([
  column.accessor('id', {
    header: 'ID',
    meta: { className: FIT },
    cell: ({ row, table }) => (
      <span className="flex items-center gap-1">
        <RowCompareBox id={row.original.id} meta={table.options.meta} />
        {/* A hostile 512-character id is cut (whole in its title), not the whole table made that wide. */}
        <span className="block max-w-[28rem] truncate font-mono text-[0.8125rem]" title={row.original.id}>
          {row.original.id}
        </span>
        <CopyModelIdButton id={row.original.id} />
      </span>
    ),
  }),
  column.accessor('display_name', {
    header: 'Display name',
    // Wraps rather than truncates, and only when the other columns leave it no room.
    cell: ({ row, table }) => (
      <span className="flex flex-wrap items-center gap-x-1.5 whitespace-normal [overflow-wrap:anywhere]">
        {/* The Compare box starts the row: in the ID cell, or here when the ID column is hidden. */}
        {!table.getAllLeafColumns().some((each) => each.id === 'id') && (
          <RowCompareBox id={row.original.id} meta={table.options.meta} />
        )}
        <ModelNameButton model={row.original} onOpen={() => table.options.meta?.openModel(row.original.id)} wrap />
        {table.options.meta?.newIds.has(row.original.id) && <NewBadge />}
        <LifecycleBadge model={row.original} now={table.options.meta?.now ?? 0} />
      </span>
    ),
  }),
  column.accessor('line', {
    header: 'Line',
    meta: { className: FIT },
    cell: ({ row }) => <LineName line={row.original.line} />,
  }),
  column.accessor('created_at', {
    header: 'Released',
    meta: { className: FIT },
    cell: ({ row, table }) => <ReleaseDate iso={row.original.created_at} now={table.options.meta?.now ?? 0} />,
  }),
  column.accessor('type', {
    header: 'Type',
    meta: { className: FIT },
    cell: ({ row }) => <span className="text-zinc-600 dark:text-zinc-400">{row.original.type}</span>,
  }),
  column.accessor('max_input_tokens', {
    header: 'Context window',
    meta: { className: FIT },
    cell: ({ row }) => <TokenCount value={row.original.max_input_tokens} />,
  }),
  column.accessor('max_tokens', {
    header: 'Max output',
    meta: { className: FIT },
    cell: ({ row }) => <TokenCount value={row.original.max_tokens} />,
  }),
])
