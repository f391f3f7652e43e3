import type { HistoryStore } from '../history/history-store'
import type { Metrics } from './metrics'

type Operation = 'recordWalk' | 'changes' | 'seen' | 'workspace'
const OPERATIONS: readonly Operation[] = ['recordWalk', 'changes', 'seen', 'workspace']

/** The store, with each operation timed and each failure counted in the app's metrics. */
export function instrumentedHistoryStore(store: HistoryStore, metrics: Metrics): HistoryStore {
  const engine = store.engine
  const timed =
    <Args extends unknown[], T>(operation: Operation, run: (...args: Args) => Promise<T>) =>
    async (...args: Args): Promise<T> => {
      const end = metrics.historyStoreDuration.startTimer({ engine, operation })
      try {
        const result = await run(...args)
        end({ outcome: 'ok' })
        return result
      } catch (error) {
        end({ outcome: 'error' })
        metrics.historyStoreErrors.inc({ engine, operation })
        throw error
      }
    }
  const wrapped = { ...store }
  for (const operation of OPERATIONS) {
    // Every series from the start, at 0: a rate() over a counter that appears only at its first error misses that error.
    metrics.historyStoreErrors.inc({ engine, operation }, 0)
    Object.assign(wrapped, {
      [operation]: timed(operation, store[operation].bind(store) as (...args: unknown[]) => Promise<unknown>),
    })
  }
  return wrapped
}
