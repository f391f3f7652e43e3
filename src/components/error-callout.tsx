import { Button } from './ui/button'
import { Callout } from './ui/callout'
import { OperatorDetails } from './ui/details'
import { describeError } from '../lib/describe-error'
import { useNow } from '../hooks/use-now'

export interface ErrorCalloutProps {
  error: Error
  /** When the request failed (epoch ms), to count down a Retry-After. */
  failedAt: number
  onRetry: () => void
}

/** What went wrong, in words a person can act on, with one Retry button; the operator's part behind Details. */
export function ErrorCallout({ error, failedAt, onRetry }: ErrorCalloutProps) {
  const { title, detail, requestId, operatorHint, retryAt } = describeError(error, failedAt)
  return (
    <Callout
      tone="error"
      role="alert"
      title={title}
      actions={
        <Button variant="default" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <p>{detail}</p>
      {retryAt !== null && <RetryCountdown retryAt={retryAt} />}
      <OperatorDetails hint={operatorHint} requestId={requestId} />
    </Callout>
  )
}

function RetryCountdown({ retryAt }: { retryAt: number }) {
  const now = useNow(1000)
  const seconds = Math.ceil((retryAt - now) / 1000)
  return <p>{seconds > 0 ? `You can retry in ${seconds} s.` : 'You can retry now.'}</p>
}
