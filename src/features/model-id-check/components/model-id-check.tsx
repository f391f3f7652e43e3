import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, FOCUS_RING } from '../../../components/ui/button'
import { FIELD } from '../../../components/ui/field'
import { ApiError } from '../../../lib/api-request'
import { modelQueryOptions } from '../../models/api/get-model'
import { useWorkspace } from '../../workspaces/hooks/use-workspace'
import { ErrorCallout } from '../../../components/error-callout'

/**
 * Asks `/api/models/:id` for an id or alias someone has (from code, a ticket)
 * and says what it resolves to, or that this server's key cannot use it.
 */
export function ModelIdCheck({ onOpenModel }: { onOpenModel: (id: string) => void }) {
  const inputId = useId()
  const [value, setValue] = useState('')
  const [asked, setAsked] = useState<string | null>(null)
  const query = useQuery({ ...modelQueryOptions(useWorkspace(), asked ?? ''), enabled: asked !== null })

  const settled = asked !== null && !query.isFetching
  const model = settled ? query.data : undefined
  const error = settled ? query.error : null

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const id = value.trim()
    if (id === '') return
    if (id === asked) void query.refetch()
    setAsked(id)
  }

  return (
    <form onSubmit={onSubmit} className="flex min-w-0 flex-1 basis-72 flex-col gap-2">
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Check a model id
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="e.g. claude-sonnet-4-5"
          maxLength={256}
          autoComplete="off"
          spellCheck={false}
          className={`${FIELD} min-w-0 flex-1 px-2 font-mono placeholder:font-sans placeholder:text-zinc-400 ${FOCUS_RING}`}
        />
        <Button type="submit">Check</Button>
      </div>
      <div role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
        {asked !== null && query.isFetching && 'Checking…'}
        {model && (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="break-all">
              {model.id === asked ? (
                <>
                  <code className="font-mono">{asked}</code> is available to this server&apos;s key:{' '}
                </>
              ) : (
                <>
                  <code className="font-mono">{asked}</code> resolves to <code className="font-mono">{model.id}</code>
                  ,{' '}
                </>
              )}
              <strong className="font-medium">{model.display_name}</strong>.
            </span>
            <Button variant="ghost" onClick={() => onOpenModel(model.id)}>
              Show details
            </Button>
          </p>
        )}
        {isNotFound(error) && (
          <p>
            This server&apos;s API key cannot use <code className="font-mono break-all">{asked}</code>: no model or
            alias by that id is available to it.
          </p>
        )}
      </div>
      {error && !isNotFound(error) && (
        // The server repeats a failed lookup until its Retry-After: Retry waits for that.
        <ErrorCallout
          error={error}
          failedAt={query.errorUpdatedAt}
          onRetry={() => void query.refetch()}
          holdRetryUntilRetryAfter
        />
      )}
    </form>
  )
}

function isNotFound(error: Error | null): boolean {
  return error instanceof ApiError && error.status === 404
}
