import { useQuery } from '@tanstack/react-query'
import type { Model } from '../../../contract/model'
import { describeRetirement, formatDate } from '../../../lib/format-time'
import { useWorkspace } from '../../workspaces/hooks/use-workspace'
import { replacementQueryOptions } from '../api/get-replacement'

function validDate(value: unknown): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null
}

/**
 * For a deprecated or retired model: when it was deprecated, when it retires
 * (a countdown in days, or overdue), and a suggested replacement, the newest
 * active model of the same line. No line, no suggestion: a line is never
 * guessed from the id.
 */
export function RetirementPlan({ model, now, onOpen }: { model: Model; now: number; onOpen: (id: string) => void }) {
  const workspace = useWorkspace()
  const line = typeof model.line === 'string' ? model.line : null
  const replacement = useQuery({
    ...replacementQueryOptions(workspace, line ?? ''),
    enabled: line !== null,
  })
  if (model.lifecycle !== 'deprecated' && model.lifecycle !== 'retired') return null
  const deprecatedAt = validDate(model.deprecated_at)
  const retiresAt = validDate(model.retires_at)
  const retirement = describeRetirement(model.lifecycle, model.retires_at, now)
  const overdue = retirement?.state === 'overdue'
  const suggestion = replacement.data && replacement.data.id !== model.id ? replacement.data : null

  return (
    <section
      aria-label="Retirement planning"
      className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <h3 className="font-medium text-zinc-900 dark:text-zinc-100">Retirement planning</h3>
      <p>
        Deprecated {deprecatedAt ? <time dateTime={deprecatedAt}>{formatDate(deprecatedAt)}</time> : '(date not given)'}
        {'; '}
        {model.lifecycle === 'retired' ? 'retired' : 'retires'}{' '}
        {retiresAt ? <time dateTime={retiresAt}>{formatDate(retiresAt)}</time> : '(date not given)'}
        {retirement && (
          <>
            {' — '}
            <strong data-overdue={overdue || undefined} className={overdue ? 'text-red-700 dark:text-red-400' : ''}>
              {retirement.sentence}
            </strong>
          </>
        )}
      </p>
      {line === null ? (
        <p className="text-zinc-600 dark:text-zinc-400">
          No suggested replacement: the upstream gives this model no line.
        </p>
      ) : suggestion ? (
        <p>
          Suggested replacement (the newest active model of the same line):{' '}
          <button
            type="button"
            onClick={() => onOpen(suggestion.id)}
            className="font-mono text-[0.8125rem] underline underline-offset-2"
          >
            {suggestion.id}
          </button>
        </p>
      ) : (
        replacement.isSuccess && (
          <p className="text-zinc-600 dark:text-zinc-400">No active model of this line to suggest.</p>
        )
      )}
    </section>
  )
}
