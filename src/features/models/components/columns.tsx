import {
  columnFilteringFeature,
  createColumnHelper,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table'
import type { Model } from '../../../contract/model'
import { LifecycleBadge, NewBadge } from './model-badges'
import { ReleaseDate } from '../../../components/release-date'
import { LINE_LABELS } from './capability-labels'
import { CopyModelIdButton, ModelNameButton } from './model-row-parts'

export interface ModelsTableMeta {
  openModel: (id: string) => void
  /** For relative dates; moves once a minute. */
  now: number
  /** Models first seen within the last 14 days. */
  newIds: ReadonlySet<string>
}

export interface ModelsColumnMeta {
  /** Classes for the column's header and cells, e.g. to hide it on narrow screens. */
  className?: string
  /** Hidden unless chosen in the Columns menu. */
  optional?: boolean
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

// Sorting and filtering belong to the server (over the whole catalogue): the
// table only keeps their state, in manual mode, and renders what it is given.
export const tableFeaturesForModels = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  tableMeta: {} as ModelsTableMeta,
  columnMeta: {} as ModelsColumnMeta,
})

const column = createColumnHelper<typeof tableFeaturesForModels, Model>()

/** Column ids are the BFF's sort keys. */
export const modelColumns = column.columns([
  column.accessor('id', {
    header: 'ID',
    meta: { className: 'w-[46%] sm:w-[38%]' },
    cell: ({ row }) => (
      <span className="flex min-w-0 items-center gap-1">
        <span className="truncate font-mono text-[0.8125rem]" title={row.original.id}>
          {row.original.id}
        </span>
        <CopyModelIdButton id={row.original.id} />
      </span>
    ),
  }),
  column.accessor('display_name', {
    header: 'Display name',
    meta: { className: 'w-[30%] sm:w-[28%]' },
    cell: ({ row, table }) => (
      <span className="flex min-w-0 items-center gap-1.5">
        <ModelNameButton
          model={row.original}
          onOpen={() => table.options.meta?.openModel(row.original.id)}
          wrap={false}
        />
        {table.options.meta?.newIds.has(row.original.id) && <NewBadge />}
        <LifecycleBadge model={row.original} now={table.options.meta?.now ?? 0} />
      </span>
    ),
  }),
  column.accessor('created_at', {
    header: 'Released',
    meta: { className: 'w-[24%] sm:w-[22%]' },
    cell: ({ row, table }) => <ReleaseDate iso={row.original.created_at} now={table.options.meta?.now ?? 0} />,
  }),
  column.accessor('type', {
    header: 'Type',
    meta: { className: 'hidden sm:table-cell sm:w-[12%]' },
    cell: ({ row }) => (
      <span className="truncate text-zinc-600 dark:text-zinc-400" title={row.original.type}>
        {row.original.type}
      </span>
    ),
  }),
  column.accessor('max_input_tokens', {
    header: 'Context window',
    meta: { className: 'w-[9rem]', optional: true },
    cell: ({ row }) => <TokenCount value={row.original.max_input_tokens} />,
  }),
  column.accessor('max_tokens', {
    header: 'Max output',
    meta: { className: 'w-[8rem]', optional: true },
    cell: ({ row }) => <TokenCount value={row.original.max_tokens} />,
  }),
  column.accessor('line', {
    header: 'Line',
    meta: { className: 'w-[7rem]', optional: true },
    cell: ({ row }) => <LineName line={row.original.line} />,
  }),
])
