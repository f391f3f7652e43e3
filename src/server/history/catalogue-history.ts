import type { Model } from '../../contract/model'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import type { Logger } from '../logger'
import type { HistoryStore, RecordedWalk, WalkRecordOptions } from './history-store'

/**
 * The history as the app uses it: walks are recorded one at a time in the
 * order they happened, and a read first waits for the recording in progress,
 * so an answer never misses a walk whose snapshot is already being served.
 */
export function createCatalogueHistory(store: HistoryStore, logger: Logger) {
  let recording: Promise<void> = Promise.resolve()

  return {
    record(workspace: string, models: readonly Model[], at: number, options: WalkRecordOptions = {}): void {
      recording = recording
        .then(() => store.recordWalk(workspace, models, at, options))
        .then(
          (walk) => logRecorded(logger, workspace, models.length, walk),
          (error: unknown) =>
            logger.warn(
              `Catalogue history could not record a walk: ${error instanceof Error ? error.message : String(error)}`,
              { workspace },
            ),
        )
    },

    /**
     * Records past walks as a workspace's beginning, only when it has none yet:
     * a kept history is never rewritten. The demo's line-up gets its past this way.
     */
    seed(workspace: string, walks: readonly { at: number; models: readonly Model[] }[]): void {
      recording = recording
        .then(async () => {
          if ((await store.workspace(workspace)).firstWalkAt !== null) return
          for (const walk of walks) await store.recordWalk(workspace, walk.models, walk.at)
          logger.info(`Catalogue history of workspace ${workspace} starts with ${walks.length} past walks of the demo.`)
        })
        .catch((error: unknown) =>
          logger.warn(
            `Catalogue history could not record the demo's past: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
    },

    async read<T>(work: (store: HistoryStore) => Promise<T>): Promise<T> {
      await recording
      return work(store)
    },
  }
}
export type CatalogueHistory = ReturnType<typeof createCatalogueHistory>

function logRecorded(logger: Logger, workspace: string, count: number, walk: RecordedWalk): void {
  if (walk.baseline) {
    logger.info(`Catalogue history of workspace ${workspace} starts with ${count} models (the baseline).`, {
      workspace,
    })
    return
  }
  if (walk.changes.length === 0) return
  const counts = new Map<string, number>()
  for (const change of walk.changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1)
  const summary = [...counts].map(([kind, number]) => `${number} ${kind.replaceAll('_', ' ')}`).join(', ')
  logger.info(`Catalogue history of workspace ${workspace}: ${summary}.`, { workspace })
}

/**
 * History answers never wait for the upstream, but when the snapshot is old or
 * missing they start a walk, so that a feed reader alone keeps the history current.
 */
export function freshen(catalogue: CatalogueCache): void {
  catalogue.get().catch(() => {})
}
