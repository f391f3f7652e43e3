import type { Metrics } from './metrics'
import { outcomeOfFailure, outcomeOfStatus } from './upstream-outcome'

/**
 * The transport the SDK is given, counting each request it makes for one
 * workspace (every retry too) and timing it to the answer's headers.
 */
export function countingFetch(
  fetch: typeof globalThis.fetch,
  workspace: string,
  metrics: Pick<Metrics, 'upstreamRequests' | 'upstreamRequestDuration'>,
): typeof globalThis.fetch {
  return async (input, init) => {
    const stopTimer = metrics.upstreamRequestDuration.startTimer()
    try {
      const response = await fetch(input, init)
      metrics.upstreamRequests.inc({ workspace, outcome: outcomeOfStatus(response.status) })
      return response
    } catch (error) {
      metrics.upstreamRequests.inc({ workspace, outcome: outcomeOfFailure(error) })
      throw error
    } finally {
      stopTimer()
    }
  }
}
