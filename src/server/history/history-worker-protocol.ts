import type {
  ChangesQuery,
  HistoryRetention,
  HistoryStoreStatus,
  RecordedWalk,
  SeenPage,
  SeenQuery,
  StoredChange,
  WalkRecordOptions,
  WorkspaceHistory,
} from './history-store'

/**
 * The messages between the server's thread and the history's worker thread
 * (sqlite-history-worker.ts). A walk's models cross in parts of at most
 * PART_SIZE: one message is copied in one go on the receiving thread, and the
 * server's thread must never spend more than a few ms at once on it. Every
 * answer is one message: the longest, a page of changes or of models seen, is
 * bounded by its limit and its bytes.
 */
export const PART_SIZE = 2_000

/** A model of a walk as it crosses: id, display name, lifecycle. */
export type WalkModelTuple = readonly [id: string, displayName: string, lifecycle: string | null]

export interface WorkerStart {
  dataDir: string
  retention?: HistoryRetention
}

export type ToWorker =
  | { kind: 'walk-part'; id: number; models: readonly WalkModelTuple[] }
  | { kind: 'record-walk'; id: number; workspace: string; at: number; options: WalkRecordOptions }
  | { kind: 'changes'; id: number; query: ChangesQuery }
  | { kind: 'seen'; id: number; query: SeenQuery }
  | { kind: 'workspace'; id: number; workspace: string }
  | { kind: 'status'; id: number }
  /** Closes the store; `closed` is set to 1 (and notified) once it is. */
  | { kind: 'close'; closed: Int32Array }

export type FromWorker =
  | { kind: 'opened'; ok: true; path: string }
  | { kind: 'opened'; ok: false; path: string; message: string; reason: string }
  | { kind: 'done'; id: number; value: DoneValue }
  /** A HistoryUnavailableError's reason, or another failure's message. */
  | { kind: 'failed'; id: number; unavailable: boolean; message: string }

export type DoneValue =
  RecordedWalk | { changes: StoredChange[]; hasMore: boolean } | SeenPage | WorkspaceHistory | HistoryStoreStatus | null
