import { memo, useId } from 'react'
import { FlexRender } from '@tanstack/react-table'
import { LifecycleBadge, NewBadge } from './model-badges'
import { CompareBox, CopyModelIdButton, ModelNameButton } from './model-row-parts'
import { type ModelRowProps, sameModelRow } from './model-row-memo'
import { openUnlessOnControl } from '../../../lib/open-unless-on-control'

/** The columns a card shows in its own way (the heading and the id line); every other shown column is a line. */
const OWN_LINES = new Set(['id', 'display_name'])

/**
 * One model as a card for a phone: its name as the heading (the button that
 * opens it), its badges, its id with Copy, and a labelled line for each other
 * column shown, so a column chosen in the Columns menu shows here too. Drawn
 * again only when what it shows changes (see model-row-memo.ts).
 */
export const ModelCard = memo(function ModelCard({
  row,
  now,
  isNew,
  chosen,
  full,
  openModel,
  setCompared,
}: ModelRowProps) {
  const headingId = useId()
  const model = row.original
  const open = () => openModel(model.id)
  return (
    <article
      aria-labelledby={headingId}
      onClick={(event) => openUnlessOnControl(event, open)}
      data-lifecycle={model.lifecycle ?? undefined}
      className={`flex cursor-pointer flex-col gap-1 rounded-lg border border-zinc-200 px-3 py-2.5 text-sm dark:border-zinc-800 ${model.lifecycle === 'retired' ? 'bg-zinc-50 text-zinc-500 dark:bg-zinc-900/40 dark:text-zinc-400' : 'bg-white dark:bg-zinc-900'}`}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <h2 id={headingId} className="min-w-0 text-sm">
          <ModelNameButton model={model} onOpen={open} wrap />
        </h2>
        {isNew && <NewBadge />}
        <LifecycleBadge model={model} now={now} />
      </div>
      <div className="-my-0.5 flex min-w-0 items-center gap-1">
        <CompareBox id={model.id} chosen={chosen} full={full} setCompared={setCompared} />
        <span className="min-w-0 font-mono text-[0.8125rem] break-all">{model.id}</span>
        <CopyModelIdButton id={model.id} />
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[0.8125rem]">
        {row
          .getAllCells()
          .filter((cell) => !OWN_LINES.has(cell.column.id))
          .map((cell) => (
            <div key={cell.id} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">
                {headerText(cell.column.columnDef.header, cell.column.id)}
              </dt>
              <dd className="min-w-0 break-words">
                <FlexRender cell={cell} />
              </dd>
            </div>
          ))}
      </dl>
    </article>
  )
}, sameModelRow)

function headerText(header: unknown, id: string): string {
  return typeof header === 'string' ? header : id
}
