import type { ChangeKind } from '../../contract/change-kinds'
import type { Model } from '../../contract/model'
import type { ServerConfig } from '../config'
import type { HistoryEngine } from './history-schema'
import type { Pause } from '../work-in-steps'

/** What the history knows of one model in one workspace. Times are epoch ms. */
export interface ModelRecord {
  modelId: string
  displayName: string
  /** As the latest walk that reported it gave it; null if no walk did (older API versions). */
  lifecycle: string | null
  firstSeen: number
  /** It was in the workspace's first recorded walk, so firstSeen is when the history began. */
  baseline: boolean
  /** The last walk that listed it, once it is gone; null while it is in the latest walk. */
  lastSeen: number | null
  removedAt: number | null
  /** The walk that first lacked it while it is not yet removed: a second walk without it records the removal. */
  missingSince: number | null
}

/** What the history looks at of each model a walk listed (a worker thread gets only these). */
export type WalkModel = Pick<Model, 'id' | 'display_name' | 'lifecycle'>

/** One change as a walk found it, before the store gives it an id. */
export interface NewChange {
  modelId: string
  kind: ChangeKind
  displayName: string
  before: string | null
  after: string | null
}

export interface StoredChange extends NewChange {
  /** Grows with every change recorded, so it orders them and serves as the cursor. */
  id: number
  /** A UUID that names the change for good: the Atom entry's id. */
  entryId: string
  workspace: string
  at: number
}

export interface WorkspaceHistory {
  workspace: string
  /** A UUID that names this workspace's history for good: the Atom feed's id. */
  feedId: string
  firstWalkAt: number | null
  lastWalkAt: number | null
}

export interface ChangesQuery {
  workspace: string
  /** Only changes at or after this time. */
  since?: number
  limit: number
  /** Only changes older than the one with this id: the next page. */
  afterId?: number
  /** Only changes of these kinds; every kind when not given. */
  kinds?: readonly ChangeKind[]
}

export interface SeenQuery {
  workspace: string
  /** Only models first seen (after the baseline) or removed at or after this time. */
  since?: number
  limit: number
  /** The page of models whose ids come after this one (by the store's order of ids)… */
  afterId?: string
  /** …or before this one; neither: the first page. */
  beforeId?: string
  /** Only this model's record. */
  modelId?: string
  /**
   * The page ends before a record that would take its JSON past this many bytes
   * (seenRecordBytes); its first record is always in it, so paging goes on.
   */
  maxBytes: number
}

/** A page of seen models, in the order of their ids, and whether more lie in its direction. */
export interface SeenPage {
  records: ModelRecord[]
  hasMore: boolean
}

/** How much history a store keeps; older changes (and models removed before then) are dropped after each walk. */
export interface HistoryRetention {
  /** Changes older than this, counted back from the latest walk, are dropped. */
  maxAgeMs: number
  /** Per workspace: past this many changes, the oldest are dropped, so a flapping upstream cannot grow the history without end. */
  maxChanges: number
}

export const DEFAULT_HISTORY_RETENTION: HistoryRetention = { maxAgeMs: 365 * 86_400_000, maxChanges: 200_000 }

/** The retention HISTORY_RETENTION_DAYS and HISTORY_MAX_CHANGES ask for. */
export function historyRetention(
  config: Pick<ServerConfig, 'historyRetentionDays' | 'historyMaxChanges'>,
): HistoryRetention {
  return { maxAgeMs: config.historyRetentionDays * 86_400_000, maxChanges: config.historyMaxChanges }
}

export interface HistoryStoreOptions {
  retention?: HistoryRetention
  /** Between the steps of a write; tests observe them through it. */
  pause?: Pause
}

/** How many changes of each kind one walk recorded. */
export type ChangeCounts = Partial<Record<ChangeKind, number>>

export interface RecordedWalk {
  /** The workspace's first walk: its models were recorded as the starting point, with no changes. */
  baseline: boolean
  /**
   * How many changes of each kind it recorded; `changes()` reads them. Counts
   * and not the changes themselves: a walk of 100k changes would otherwise
   * hand 100k objects to a server whose log only needs the numbers.
   */
  counts: ChangeCounts
}

/**
 * Where the catalogue's history is kept. Every method may reject with a
 * HistoryUnavailableError. The interface is asynchronous so that a store on an
 * edge runtime (a remote database) fits it as well as SQLite does.
 */
export interface WalkRecordOptions {
  /**
   * The walk's absences are confirmed already: doubted walks in a row agreed on
   * them, or an operator accepted them, so its removals are recorded at once.
   */
  confirmed?: boolean
}

/** What /readyz says of the store. */
export interface HistoryStoreStatus {
  engine: HistoryEngine
  /** The database answered just now (within a second). */
  reachable: boolean
}

export interface HistoryStore {
  readonly engine: HistoryEngine
  /** Compares one successful walk with the workspace's previous one and records the differences. */
  recordWalk(
    workspace: string,
    models: readonly WalkModel[],
    at: number,
    options?: WalkRecordOptions,
  ): Promise<RecordedWalk>
  /** Changes newest first, one page and whether older ones exist. */
  changes(query: ChangesQuery): Promise<{ changes: StoredChange[]; hasMore: boolean }>
  /**
   * The models worth telling apart, a page at a time: those that arrived after
   * the baseline and those that are gone, in the order of their ids (which never
   * change, so a page never skips or repeats one as the history grows). With
   * `since`, only those first seen or removed at or after it.
   */
  seen(query: SeenQuery): Promise<SeenPage>
  workspace(workspace: string): Promise<WorkspaceHistory>
  status(): Promise<HistoryStoreStatus>
  close(): void
}

/** The history cannot be read or written; the message says so to whoever asked. */
export class HistoryUnavailableError extends Error {
  override readonly name = 'HistoryUnavailableError'
  /** Why, in a few words: what the history's worker thread passes on. */
  readonly reason: string
  constructor(reason: string) {
    super(
      `The catalogue history is unavailable on this server: ${reason}. The live catalogue still works; whoever runs the dashboard finds what to do in the server's log.`,
    )
    this.reason = reason
  }
}

/** The store of a server whose database could not be opened: the catalogue works, the history says why it does not. */
export function unavailableHistoryStore(engine: HistoryEngine, reason: string): HistoryStore {
  const refuse = () => Promise.reject(new HistoryUnavailableError(reason))
  return {
    engine,
    // Walks go on without a history; the reason was logged once at start.
    recordWalk: async () => ({ baseline: false, counts: {} }),
    changes: refuse,
    seen: refuse,
    workspace: refuse,
    status: async () => ({ engine, reachable: false }),
    close() {},
  }
}
