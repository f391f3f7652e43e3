import type {
  ChangesQuery,
  HistoryRetention,
  HistoryStoreStatus,
  ModelRecord,
  RecordedWalk,
  SeenQuery,
  StoredChange,
  WalkRecordOptions,
  WorkspaceHistory,
} from './history-store'

/**
 * The messages between the server's thread and the history's worker thread
 * (sqlite-history-worker.ts). Anything long (a walk's models, or the models
 * seen) crosses in parts of at most PART_SIZE items: one message is
 * copied in one go on the receiving thread, and the server's thread must never
 * spend more than a few ms at once on it. The worker sends a long answer's
 * next part only when asked (next-part): a port hands over every message
 * waiting in one turn of the loop, so parts sent at once would be read at once.
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
  /** The server's thread has read a part and run its loop since: the worker may send the next one. */
  | { kind: 'next-part'; id: number }
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
  /** Part of a long answer (the models seen), and how many items are still to come. */
  | { kind: 'part'; id: number; items: readonly PartItem[]; rest: number }
  | { kind: 'done'; id: number; value: DoneValue }
  /** A HistoryUnavailableError's reason, or another failure's message. */
  | { kind: 'failed'; id: number; unavailable: boolean; message: string }

export type PartItem = ModelRecord

export type DoneValue =
  | RecordedWalk
  | { changes: StoredChange[]; hasMore: boolean }
  /** A page of seen models: its records came in parts. */
  | { hasMore: boolean }
  | WorkspaceHistory
  | HistoryStoreStatus
  | null
