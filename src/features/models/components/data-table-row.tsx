import { FlexRender } from '@tanstack/react-table'
import { memo } from 'react'
import { openUnlessOnControl } from '../../../lib/open-unless-on-control'
import { type ModelRowProps, sameModelRow } from './model-row-memo'

/** One model as a row of DataTable; drawn again only when what it shows changes (see model-row-memo.ts). */
export const DataTableRow = memo(function DataTableRow({ row, openModel }: ModelRowProps) {
  const model = row.original
  return (
    <tr
      onClick={(event) => openUnlessOnControl(event, () => openModel(model.id))}
      data-lifecycle={model.lifecycle ?? undefined}
      className={`h-10 cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50 ${model.lifecycle === 'retired' ? 'bg-zinc-50 text-zinc-500 dark:bg-zinc-900/40 dark:text-zinc-400' : ''}`}
    >
      {row.getAllCells().map((cell) => (
        <td
          key={cell.id}
          className={`overflow-hidden px-2 whitespace-nowrap first:pl-3 sm:px-3 ${cell.column.columnDef.meta?.className ?? ''}`}
        >
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
}, sameModelRow)
