import { UpstreamBackoffError } from './upstream-errors'

export interface RequestBudgetOptions {
  /** Calls at once. */
  concurrency: number
  /** Calls per minute, refilled continuously; up to `concurrency` may start at once after a quiet spell. */
  perMinute: number
  now: () => number
}

/**
 * A fixed allowance of upstream calls, whatever the traffic: a token bucket
 * for the rate and a count for concurrency. A call over budget is refused at
 * once (no queue, so no visitor waits on another's lookups), with the seconds
 * until the next token as its Retry-After.
 */
export function createRequestBudget(options: RequestBudgetOptions) {
  const capacity = Math.max(1, Math.min(options.concurrency, options.perMinute))
  const msPerToken = 60_000 / options.perMinute
  let tokens = capacity
  let refilledAt = options.now()
  let running = 0

  function refill() {
    const now = options.now()
    tokens = Math.min(capacity, tokens + (now - refilledAt) / msPerToken)
    refilledAt = now
  }

  return {
    async run<T>(call: () => Promise<T>): Promise<T> {
      refill()
      if (running >= options.concurrency || tokens < 1) {
        const waitMs = tokens < 1 ? (1 - tokens) * msPerToken : 1000
        throw new UpstreamBackoffError(
          'this server has spent its budget of Anthropic API lookups for the moment',
          Math.max(1, Math.ceil(waitMs / 1000)),
        )
      }
      tokens -= 1
      running += 1
      try {
        return await call()
      } finally {
        running -= 1
      }
    },
  }
}
export type RequestBudget = ReturnType<typeof createRequestBudget>
