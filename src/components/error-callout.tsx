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
  /**
   * Hold Retry until the answer's Retry-After has passed ("Retry in 4 s"): for
   * answers the server repeats until then, where an earlier Retry could only
   * bring the same failure back.
   */
  holdRetryUntilRetryAfter?: boolean
}

/** What went wrong, in words a person can act on, with one Retry button; the operator's part behind Details. */
export function ErrorCallout({ error, failedAt, onRetry, holdRetryUntilRetryAfter = false }: ErrorCalloutProps) {
  const { title, detail, requestId, operatorHint, retryAt } = describeError(error, failedAt)
  const held = holdRetryUntilRetryAfter && retryAt !== null
  return (
    <Callout
      tone="error"
      role="alert"
      title={title}
      actions={
        held ? (
          <HeldRetryButton retryAt={retryAt} onRetry={onRetry} />
        ) : (
          <Button variant="default" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      <p>{detail}</p>
      {retryAt !== null && !held && <RetryCountdown retryAt={retryAt} />}
      <OperatorDetails hint={operatorHint} requestId={requestId} />
    </Callout>
  )
}

function secondsUntil(retryAt: number, now: number): number {
  return Math.ceil((retryAt - now) / 1000)
}

function RetryCountdown({ retryAt }: { retryAt: number }) {
  const seconds = secondsUntil(retryAt, useNow(1000))
  return <p>{seconds > 0 ? `You can retry in ${seconds} s.` : 'You can retry now.'}</p>
}

function HeldRetryButton({ retryAt, onRetry }: { retryAt: number; onRetry: () => void }) {
  const seconds = secondsUntil(retryAt, useNow(1000))
  return (
    <Button variant="default" onClick={onRetry} disabled={seconds > 0}>
      {seconds > 0 ? `Retry in ${seconds} s` : 'Retry'}
    </Button>
  )
}
