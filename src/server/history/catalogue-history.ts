import type { Model } from '../../contract/model'
import type { CatalogueCache } from '../catalogue/catalogue-cache'
import type { Logger } from '../logger'
import type { HistoryStore, RecordedWalk, WalkModel, WalkRecordOptions } from './history-store'

export interface CatalogueHistoryOptions {
  /** The most bytes of walks kept in memory while the store cannot be written (HISTORY_PENDING_MAX_MB). */
  pendingMaxBytes?: number
  /** The first wait before a failed write is tried again; it doubles up to maxRetryMs. */
  firstRetryMs?: number
  maxRetryMs?: number
}

interface PendingWrite {
  /** What it holds in memory, roughly: the walk's text, twice for UTF-16, and a little per model. */
  bytes: number
  /** A walk is dropped first when the bound is reached; the demo's past is not. */
  droppable: boolean
  run: () => Promise<void>
}

const DEFAULT_PENDING_MAX_BYTES = 64 * 1024 * 1024

const walkBytes = (models: readonly WalkModel[]) =>
  models.reduce(
    (sum, model) => sum + 64 + 2 * (model.id.length + model.display_name.length + (model.lifecycle?.length ?? 0)),
    64,
  )

/**
 * What a walk waiting to be written keeps of each model. Holding the walk's
 * own records instead would pin every one of them (capabilities and all, a few
 * KB a model) for as long as it waits, far beyond what walkBytes counts: with
 * a large catalogue walked faster than the history could write it, the waiting
 * walks held hundreds of MB.
 */
const forHistory = (models: readonly Model[]): WalkModel[] =>
  models.map(({ id, display_name, lifecycle }) => ({ id, display_name, lifecycle }))

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The history as the app uses it: walks are written one at a time in the order
 * they happened, and a read first waits for the writes in progress, so an answer
 * never misses a walk whose snapshot is already being served.
 *
 * When the store cannot be written (its database is down or slow) the walks
 * wait in memory, bounded in bytes, and are tried again with a growing pause
 * until they are written; reads meanwhile go straight to the store, which
 * answers 503, rather than waiting for the writes.
 */
export function createCatalogueHistory(store: HistoryStore, logger: Logger, options: CatalogueHistoryOptions = {}) {
  const { pendingMaxBytes = DEFAULT_PENDING_MAX_BYTES, firstRetryMs = 1_000, maxRetryMs = 60_000 } = options
  const pending: PendingWrite[] = []
  let pendingBytes = 0
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let writing: Promise<void> | null = null

  function enqueue(write: PendingWrite): void {
    pending.push(write)
    pendingBytes += write.bytes
    let dropped = 0
    // Past the bound the oldest walks go: the ones after them still carry every lasting change, at a later time.
    while (pendingBytes > pendingMaxBytes && pending.length > 1) {
      const index = pending.findIndex((candidate) => candidate.droppable)
      if (index < 0 || index === pending.length - 1) break
      pendingBytes -= pending.splice(index, 1)[0]!.bytes
      dropped += 1
    }
    if (dropped > 0) {
      logger.error(
        `Catalogue history: ${dropped} walk(s) waiting for the database were dropped to stay within HISTORY_PENDING_MAX_MB; a change seen only by them is lost, the others are recorded at a later walk's time. Bring the database back, or raise HISTORY_PENDING_MAX_MB.`,
      )
    }
    if (!retryTimer) writing ??= writeAll()
  }

  async function writeAll(): Promise<void> {
    while (pending.length > 0) {
      const write = pending[0]!
      try {
        await write.run()
      } catch (error) {
        failures += 1
        const wait = Math.min(maxRetryMs, firstRetryMs * 2 ** (failures - 1))
        if (failures === 1) {
          logger.warn(
            `Catalogue history could not be written: ${reasonOf(error)} The walk waits in memory and is tried again, first in ${wait} ms.`,
          )
        }
        retryTimer = setTimeout(() => {
          retryTimer = null
          writing ??= writeAll()
        }, wait)
        retryTimer.unref?.()
        writing = null
        return
      }
      pending.shift()
      pendingBytes -= write.bytes
      if (failures > 0) {
        logger.info(`Catalogue history can be written again after ${failures} failed tries; catching up.`)
        failures = 0
      }
    }
    writing = null
  }

  return {
    record(workspace: string, walk: readonly Model[], at: number, walkOptions: WalkRecordOptions = {}): void {
      const models = forHistory(walk)
      enqueue({
        bytes: walkBytes(models),
        droppable: true,
        run: async () =>
          logRecorded(logger, workspace, models.length, await store.recordWalk(workspace, models, at, walkOptions)),
      })
    },

    /**
     * Records past walks as a workspace's beginning, only when it has none yet:
     * a kept history is never rewritten. The demo's line-up gets its past this way.
     */
    seed(workspace: string, past: readonly { at: number; models: readonly Model[] }[]): void {
      const walks = past.map(({ at, models }) => ({ at, models: forHistory(models) }))
      enqueue({
        bytes: walks.reduce((sum, walk) => sum + walkBytes(walk.models), 0),
        droppable: false,
        run: async () => {
          if ((await store.workspace(workspace)).firstWalkAt !== null) return
          for (const walk of walks) await store.recordWalk(workspace, walk.models, walk.at)
          logger.info(`Catalogue history of workspace ${workspace} starts with ${walks.length} past walks of the demo.`)
        },
      })
    },

    /** Walks waiting to be written, and their bytes: more than none only while the store fails. */
    pending: () => ({ walks: pending.length, bytes: pendingBytes }),

    async read<T>(work: (store: HistoryStore) => Promise<T>): Promise<T> {
      // While writes fail, waiting for them would hold the answer until the database is back.
      if (writing && failures === 0) await writing
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
  const counts = Object.entries(walk.counts).filter(([, number]) => number > 0)
  if (counts.length === 0) return
  const summary = counts.map(([kind, number]) => `${number} ${kind.replaceAll('_', ' ')}`).join(', ')
  logger.info(`Catalogue history of workspace ${workspace}: ${summary}.`, { workspace })
}

/**
 * History answers never wait for the upstream, but when the snapshot is old or
 * missing they start a walk, so that a feed reader alone keeps the history current.
 */
export function freshen(catalogue: CatalogueCache): void {
  catalogue.get().catch(() => {})
}
