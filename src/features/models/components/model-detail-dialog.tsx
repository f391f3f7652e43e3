import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { Dialog, DialogFooter, DialogHeader } from '../../../components/ui/dialog'
import type { Model } from '../../../contract/model'
import { modelQueryOptions } from '../api/get-model'
import { useWorkspace } from '../../workspaces/hooks/use-workspace'
import { MAX_COMPARED } from '../hooks/compared-ids'
import { useShareableLink } from '../hooks/use-models-search-params'
import { useNow } from '../../../hooks/use-now'
import { ErrorCallout } from '../../../components/error-callout'
import { ApiError } from '../../../lib/api-request'
import { seenModelQueryOptions } from '../../changes/api/get-seen-model'
import { RemovedModel } from './removed-model'
import { ModelFields } from './model-fields'
import { RetirementPlan } from './retirement-plan'
import { UseThisModel } from './use-this-model'

export interface ModelDetailDialogProps {
  id: string
  /** Opens another model (a suggested replacement) in this dialog. */
  onOpenModel: (id: string) => void
  /** The models compared now; Compare adds this one (up to four) and shows the comparison. */
  compared: readonly string[]
  onCompare: (ids: string[]) => void
  /** The row from the list, shown at once while the full model loads. */
  placeholder: Model | undefined
  onClose: () => void
}

/** One model with every field the upstream gave, loaded from `/api/models/:id`. Loaded lazily: most visits never open it. */
export function ModelDetailDialog({
  id,
  placeholder,
  onClose,
  onOpenModel,
  compared,
  onCompare,
}: ModelDetailDialogProps) {
  const headingId = useId()
  const now = useNow(60_000)
  const workspace = useWorkspace()
  const shareableLink = useShareableLink()
  const {
    data: model,
    error,
    errorUpdatedAt,
    isFetching,
    refetch,
  } = useQuery({
    ...modelQueryOptions(workspace, id),
    placeholderData: placeholder,
  })
  // A model the API does not know may be one that has left the catalogue: the history says when.
  const notFound = error instanceof ApiError && error.status === 404 && !isFetching
  const seen = useQuery({ ...seenModelQueryOptions(workspace, id), enabled: notFound })
  const removed = notFound && seen.data?.removed_at ? { ...seen.data, removed_at: seen.data.removed_at } : undefined
  const lookingInHistory = notFound && seen.isFetching
  // Nothing to compare or link to while the model failed to load (a removed one still has its dialog to link).
  const failed = error !== null && !isFetching && model === undefined && removed === undefined

  return (
    <Dialog labelledBy={headingId} onClose={onClose} fullHeightOnPhone>
      <DialogHeader titleId={headingId} title={model?.display_name ?? removed?.display_name ?? id} onClose={onClose} />
      <div className="space-y-3 px-4 py-3">
        <ModelIdLine requested={id} model={model} />
        {removed ? (
          <RemovedModel seen={removed} />
        ) : lookingInHistory ? (
          <p role="status" className="py-6 text-center text-sm text-zinc-500">
            Looking for the model in the catalogue history…
          </p>
        ) : (
          error &&
          !isFetching && (
            // The server repeats a failed lookup until its Retry-After: Retry waits for that, the error still shown.
            <ErrorCallout
              error={error}
              failedAt={errorUpdatedAt}
              onRetry={() => void refetch()}
              holdRetryUntilRetryAfter
            />
          )
        )}
        {model ? (
          <>
            <RetirementPlan model={model} now={now} onOpen={onOpenModel} />
            <ModelFields model={model} now={now} />
            <UseThisModel id={model.id} />
          </>
        ) : (
          !error && (
            <p role="status" className="py-6 text-center text-sm text-zinc-500">
              Loading the model…
            </p>
          )
        )}
        {isFetching && model && (
          <p role="status" className="text-xs text-zinc-500">
            Loading the latest details…
          </p>
        )}
      </div>
      <DialogFooter>
        <Button
          disabled={failed || (compared.length >= MAX_COMPARED && !compared.includes(id))}
          onClick={() => onCompare(compared.includes(id) ? [...compared] : [...compared, id])}
        >
          {compared.length === 0 ? 'Compare' : `Compare with ${compared.length} chosen`}
        </Button>
        <CopyButton
          label={`Copy link to ${model?.id ?? id}`}
          visibleLabel="Copy link"
          text={shareableLink}
          copiedMessage="Link to this model copied"
          disabled={failed}
        />
      </DialogFooter>
    </Dialog>
  )
}

/** The model's id, once, with Copy; and when it was asked for by an alias, which alias that was. */
function ModelIdLine({ requested, model }: { requested: string; model: Model | undefined }) {
  const id = model?.id ?? requested
  return (
    <div className="text-sm text-zinc-600 dark:text-zinc-400">
      <p className="flex items-center gap-1">
        <code className="font-mono break-all text-zinc-800 dark:text-zinc-200">{id}</code>
        <CopyButton label={`Copy ID ${id}`} text={() => id} copiedMessage="Model id copied" />
      </p>
      {id !== requested && (
        <p>
          Opened as <code className="font-mono break-all">{requested}</code>, an alias of this model.
        </p>
      )}
    </div>
  )
}
