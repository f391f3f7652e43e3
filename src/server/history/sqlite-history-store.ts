import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { ChangeKind } from '../../contract/history'
import type { Model } from '../../contract/model'
import { createDirectory } from '../data-dir'
import type { Logger } from '../logger'
import { diffWalkSteps, walkFingerprintSteps } from './diff-walk'
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer'
import { HISTORY_STEP, runInSteps, StepCounter, type Steps } from './history-steps'
import {
  DEFAULT_HISTORY_RETENTION,
  type HistoryStore,
  type HistoryStoreOptions,
  HistoryUnavailableError,
  type ModelRecord,
  type RecordedWalk,
  type StoredChange,
  type WalkRecordOptions,
  unavailableHistoryStore,
} from './history-store'

// Node only (a native module): main.ts opens the store and hands it to createApp.

export const HISTORY_FILE = 'history.sqlite'

/**
 * The schema, one step per version: a database at user_version n has run the
 * first n steps, and opening it runs the rest, each in its own transaction.
 * Append only: a released step is never edited.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE workspaces (
    workspace TEXT PRIMARY KEY,
    feed_id TEXT NOT NULL,
    first_walk_at INTEGER,
    last_walk_at INTEGER,
    last_walk_fingerprint TEXT,
    walks INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE TABLE models (
    workspace TEXT NOT NULL,
    model_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    lifecycle TEXT,
    first_seen INTEGER NOT NULL,
    baseline INTEGER NOT NULL,
    last_seen INTEGER,
    removed_at INTEGER,
    PRIMARY KEY (workspace, model_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL UNIQUE,
    workspace TEXT NOT NULL,
    model_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'display_name_changed', 'lifecycle_changed')),
    at INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    before TEXT,
    after TEXT
  ) STRICT;
  CREATE INDEX changes_by_workspace ON changes (workspace, id);
  `,
  // Removals wait for a second walk; retention drops old changes and long-removed models.
  `
  ALTER TABLE models ADD COLUMN missing_since INTEGER;
  ALTER TABLE workspaces ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0;
  UPDATE workspaces SET change_count = (SELECT count(*) FROM changes WHERE changes.workspace = workspaces.workspace);
  CREATE INDEX models_missing ON models (workspace) WHERE missing_since IS NOT NULL;
  CREATE INDEX models_removed ON models (workspace, removed_at) WHERE removed_at IS NOT NULL;
  CREATE INDEX changes_by_time ON changes (workspace, at);
  `,
]

/** The database is from a newer version of the dashboard, whose schema this one does not know. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError'
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`schema version ${found}, newer than this server's ${known}`)
  }
}

/** Brings the database to the latest schema version; a newer one is refused, untouched. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > migrations.length) throw new NewerSchemaError(version, migrations.length)
  for (let step = version; step < migrations.length; step += 1) {
    db.transaction(() => {
      db.exec(migrations[step]!)
      db.pragma(`user_version = ${step + 1}`)
    })()
  }
}

export type OpenResult = { ok: true; store: HistoryStore; path: string } | OpenFailure

export interface OpenFailure {
  ok: false
  path: string
  /** One line for the log: what happened, with the path, and what to do. */
  message: string
  /** What happened in a few words for the API's answers, which name no paths. */
  reason: string
}

/**
 * Opens (creating or migrating) DATA_DIR/history.sqlite. Whatever is wrong
 * with the file shows here, at start, rather than at the first walk: it is
 * checked through (quick_check) and written to once.
 */
export function openSqliteHistoryStore(
  dataDir: string,
  { migrations = MIGRATIONS, ...options }: { migrations?: readonly string[] } & HistoryStoreOptions = {},
): OpenResult {
  const dir = resolve(dataDir)
  const path = join(dir, HISTORY_FILE)
  let db: Database.Database | null = null
  try {
    createDirectory(dir)
    db = new Database(path)
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    // With WAL, commits survive a crash of the process; only a power cut could lose the latest walk.
    db.pragma('synchronous = NORMAL')
    // Checkpoints run on a worker thread (wal-checkpointer.ts), not inside a COMMIT on the event loop.
    db.pragma('wal_autocheckpoint = 0')
    // A transaction spills its pages to the log once they pass the cache, so a COMMIT writes at most this much (1 MB).
    db.pragma('cache_size = -1000')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' })
    migrate(db, migrations)
    assertWritable(db)
    return { ok: true, store: sqliteHistoryStore(db, startWalCheckpointer(path), options), path }
  } catch (error) {
    db?.close()
    return { ok: false, path, ...describeOpenFailure(error, dir, path) }
  }
}

/** A read-only file opens and migrates without complaint when it is up to date; a write, undone, makes it say so now. */
function assertWritable(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    db.prepare("INSERT OR REPLACE INTO workspaces (workspace, feed_id) VALUES ('', '')").run()
  } finally {
    db.exec('ROLLBACK')
  }
}

/**
 * The store main.ts gives the app: the SQLite history, or when it cannot be
 * opened, one line in the log and a store whose endpoints answer 503 saying so,
 * while the catalogue itself is served as usual.
 */
export function openHistoryOrReport(dataDir: string, logger: Logger, options: HistoryStoreOptions = {}): HistoryStore {
  const opened = openSqliteHistoryStore(dataDir, options)
  if (opened.ok) return opened.store
  logger.error(opened.message)
  return unavailableHistoryStore(opened.reason)
}

const AFTERWARDS = 'and restart; until then the dashboard serves the live catalogue without its history.'

function describeOpenFailure(error: unknown, dir: string, path: string): Pick<OpenFailure, 'message' | 'reason'> {
  const code = errorCode(error)
  const off = `Catalogue history is off: ${path}`
  if (error instanceof NewerSchemaError) {
    return {
      message: `${off} has ${error.message}. Run the newer dashboard, or set DATA_DIR to another directory, ${AFTERWARDS}`,
      reason: 'its database was written by a newer version of the dashboard',
    }
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return {
      message: `${off} is not a readable SQLite database (${code}). Move the file aside (a new history starts) or set DATA_DIR to another directory, ${AFTERWARDS}`,
      reason: 'its database file is damaged',
    }
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      message: `${off} is locked by another process (${code}). Stop the other server using DATA_DIR ${dir}, or give this one its own DATA_DIR, ${AFTERWARDS}`,
      reason: 'its database is locked by another process',
    }
  }
  if (
    ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR', 'SQLITE_PERM'].includes(code) ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY')
  ) {
    return {
      message: `${off} cannot be written (${code}). Make DATA_DIR (${dir}) a directory that this user can write, with the files in it, or set DATA_DIR to one, ${AFTERWARDS}`,
      reason: 'its data directory cannot be written',
    }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return {
    message: `${off} could not be opened (${code}: ${detail}). Check the file and DATA_DIR, ${AFTERWARDS}`,
    reason: 'its database could not be opened',
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'unknown error'
}

interface ModelRow {
  model_id: string
  display_name: string
  lifecycle: string | null
  first_seen: number
  baseline: number
  last_seen: number | null
  removed_at: number | null
  missing_since: number | null
}

interface ChangeRow {
  id: number
  entry_id: string
  workspace: string
  model_id: string
  kind: ChangeKind
  at: number
  display_name: string
  before: string | null
  after: string | null
}

interface WorkspaceRow {
  feed_id: string
  first_walk_at: number | null
  last_walk_at: number | null
  last_walk_fingerprint: string | null
}

const toRecord = (row: ModelRow): ModelRecord => ({
  modelId: row.model_id,
  displayName: row.display_name,
  lifecycle: row.lifecycle,
  firstSeen: row.first_seen,
  baseline: row.baseline === 1,
  lastSeen: row.last_seen,
  removedAt: row.removed_at,
  missingSince: row.missing_since,
})

const toChange = (row: ChangeRow): StoredChange => ({
  id: row.id,
  entryId: row.entry_id,
  workspace: row.workspace,
  modelId: row.model_id,
  kind: row.kind,
  at: row.at,
  displayName: row.display_name,
  before: row.before,
  after: row.after,
})

/**
 * The history in SQLite. A walk's changes are written in one transaction, so a
 * crash never keeps half a walk; the transaction runs in steps (history-steps.ts)
 * so that a walk of 100k models does not hold the event loop, and every other
 * use of the store waits for it.
 */
function sqliteHistoryStore(
  db: Database.Database,
  checkpointer: WalCheckpointer,
  { retention = DEFAULT_HISTORY_RETENTION, pause }: HistoryStoreOptions,
): HistoryStore {
  const statements = {
    ensureWorkspace: db.prepare('INSERT OR IGNORE INTO workspaces (workspace, feed_id) VALUES (?, ?)'),
    workspace: db.prepare<[string], WorkspaceRow>(
      'SELECT feed_id, first_walk_at, last_walk_at, last_walk_fingerprint FROM workspaces WHERE workspace = ?',
    ),
    walked: db.prepare(
      `UPDATE workspaces SET first_walk_at = coalesce(first_walk_at, @at), last_walk_at = @at,
         last_walk_fingerprint = @fingerprint, walks = walks + 1
       WHERE workspace = @workspace`,
    ),
    // Read in pages by id, one step each.
    modelsAfter: db.prepare<{ workspace: string; after: string; limit: number }, ModelRow>(
      'SELECT * FROM models WHERE workspace = @workspace AND model_id > @after ORDER BY model_id LIMIT @limit',
    ),
    pendingRemovals: db.prepare<[string], { found: number }>(
      'SELECT 1 AS found FROM models WHERE workspace = ? AND missing_since IS NOT NULL LIMIT 1',
    ),
    saveModel: db.prepare(
      `INSERT INTO models (workspace, model_id, display_name, lifecycle, first_seen, baseline, last_seen, removed_at, missing_since)
       VALUES (@workspace, @modelId, @displayName, @lifecycle, @firstSeen, @baseline, @lastSeen, @removedAt, @missingSince)
       ON CONFLICT (workspace, model_id) DO UPDATE SET display_name = excluded.display_name,
         lifecycle = excluded.lifecycle, first_seen = excluded.first_seen, baseline = excluded.baseline,
         last_seen = excluded.last_seen, removed_at = excluded.removed_at, missing_since = excluded.missing_since`,
    ),
    addChange: db.prepare(
      `INSERT INTO changes (entry_id, workspace, model_id, kind, at, display_name, before, after)
       VALUES (@entryId, @workspace, @modelId, @kind, @at, @displayName, @before, @after)`,
    ),
    // Kept with the changes, so that keeping HISTORY_MAX_CHANGES never needs a count over the whole table.
    changeCount: db.prepare<[string], { change_count: number }>(
      'SELECT change_count FROM workspaces WHERE workspace = ?',
    ),
    countChanges: db.prepare('UPDATE workspaces SET change_count = change_count + @delta WHERE workspace = @workspace'),
    dropOldestChanges: db.prepare(
      `DELETE FROM changes WHERE id IN (SELECT id FROM changes WHERE workspace = @workspace ORDER BY id LIMIT @limit)`,
    ),
    dropChangesOlderThan: db.prepare(
      `DELETE FROM changes WHERE id IN (SELECT id FROM changes WHERE workspace = @workspace AND at < @cutoff
         LIMIT @limit)`,
    ),
    dropModelsRemovedBefore: db.prepare(
      `DELETE FROM models WHERE workspace = @workspace AND model_id IN (SELECT model_id FROM models
         WHERE workspace = @workspace AND removed_at < @cutoff LIMIT @limit)`,
    ),
    // `kinds` is null for every kind, else a list like ",added,removed,".
    changes: db.prepare<
      { workspace: string; since: number; afterId: number; limit: number; kinds: string | null },
      ChangeRow
    >(
      `SELECT * FROM changes WHERE workspace = @workspace AND id < @afterId AND at >= @since
         AND (@kinds IS NULL OR instr(@kinds, ',' || kind || ',') > 0)
       ORDER BY id DESC LIMIT @limit`,
    ),
    seen: db.prepare<{ workspace: string; since: number }, ModelRow>(
      `SELECT * FROM models WHERE workspace = @workspace
         AND ((baseline = 0 AND first_seen >= @since) OR removed_at >= @since)
       ORDER BY coalesce(removed_at, first_seen) DESC, model_id`,
    ),
  }

  function workspaceRow(workspace: string): WorkspaceRow {
    statements.ensureWorkspace.run(workspace, crypto.randomUUID())
    return statements.workspace.get(workspace)!
  }

  function* knownModels(workspace: string, work: StepCounter): Steps<Map<string, ModelRecord>> {
    const known = new Map<string, ModelRecord>()
    let after = ''
    for (;;) {
      const rows = statements.modelsAfter.all({ workspace, after, limit: HISTORY_STEP })
      for (const row of rows) known.set(row.model_id, toRecord(row))
      if (rows.length < HISTORY_STEP) return known
      after = rows.at(-1)!.model_id
      if (work.tick(rows.length)) yield work.take()
    }
  }

  /**
   * Runs a DELETE … LIMIT @limit again and again, a step at a time, until it
   * deletes nothing or `most` rows are gone; returns how many it deleted.
   */
  function* dropInSteps(
    statement: Database.Statement,
    params: object,
    work: StepCounter,
    most = Infinity,
  ): Steps<number> {
    let dropped = 0
    while (dropped < most) {
      const { changes } = statement.run({ ...params, limit: Math.min(HISTORY_STEP, most - dropped) })
      if (changes === 0) break
      dropped += changes
      if (work.tick(changes)) yield work.take()
    }
    return dropped
  }

  function* prune(workspace: string, at: number, work: StepCounter): Steps<void> {
    const cutoff = at - retention.maxAgeMs
    const excess = statements.changeCount.get(workspace)!.change_count - retention.maxChanges
    let dropped = 0
    if (excess > 0) dropped += yield* dropInSteps(statements.dropOldestChanges, { workspace }, work, excess)
    dropped += yield* dropInSteps(statements.dropChangesOlderThan, { workspace, cutoff }, work)
    statements.countChanges.run({ workspace, delta: -dropped })
    yield* dropInSteps(statements.dropModelsRemovedBefore, { workspace, cutoff }, work)
  }

  function* recordWalk(
    workspace: string,
    models: readonly Model[],
    at: number,
    options: WalkRecordOptions = {},
  ): Steps<RecordedWalk> {
    const work = new StepCounter()
    const fingerprint = yield* walkFingerprintSteps(models, work)
    db.exec('BEGIN IMMEDIATE')
    try {
      const row = workspaceRow(workspace)
      statements.walked.run({ workspace, at, fingerprint })
      const unchanged =
        row.last_walk_at !== null &&
        row.last_walk_fingerprint === fingerprint &&
        !statements.pendingRemovals.get(workspace)
      let recorded: RecordedWalk = { baseline: false, changes: [] }
      if (!unchanged) {
        const known = yield* knownModels(workspace, work)
        const diff = yield* diffWalkSteps(known, row.last_walk_at, models, at, work, options)
        for (const record of diff.records) {
          if (work.tick()) yield work.take()
          statements.saveModel.run({ ...record, workspace, baseline: Number(record.baseline) })
        }
        for (const change of diff.changes) {
          if (work.tick()) yield work.take()
          statements.addChange.run({ ...change, entryId: crypto.randomUUID(), workspace, at })
        }
        statements.countChanges.run({ workspace, delta: diff.changes.length })
        // The pruning and the COMMIT each get a step of their own.
        yield work.take()
        yield* prune(workspace, at, work)
        yield work.take()
        recorded = { baseline: diff.baseline, changes: diff.changes }
      }
      db.exec('COMMIT')
      if (!unchanged) checkpointer.checkpoint()
      return recorded
    } catch (error) {
      if (db.open && db.inTransaction) db.exec('ROLLBACK')
      throw error
    }
  }

  // One use of the connection at a time: a write spans many turns of the event loop, and a read waits for it.
  let queue: Promise<unknown> = Promise.resolve()
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(async () => {
      if (!db.open) throw new HistoryUnavailableError('the server is stopping')
      try {
        return await work()
      } catch (error) {
        if (error instanceof HistoryUnavailableError) throw error
        throw new HistoryUnavailableError(
          db.open ? `its database failed (${errorCode(error)})` : 'the server is stopping',
        )
      }
    })
    queue = result.catch(() => {})
    return result
  }

  return {
    recordWalk: (workspace, models, at, options) =>
      exclusive(() => runInSteps(recordWalk(workspace, models, at, options), pause)),
    changes: ({ workspace, since = Number.MIN_SAFE_INTEGER, limit, afterId = Number.MAX_SAFE_INTEGER, kinds }) =>
      exclusive(async () => {
        const kindList = kinds ? `,${kinds.join(',')},` : null
        const rows = statements.changes.all({ workspace, since, afterId, limit: limit + 1, kinds: kindList })
        return { changes: rows.slice(0, limit).map(toChange), hasMore: rows.length > limit }
      }),
    seen: (workspace, since = Number.MIN_SAFE_INTEGER) =>
      exclusive(async () => statements.seen.all({ workspace, since }).map(toRecord)),
    workspace: (workspace) =>
      exclusive(async () => {
        const row = workspaceRow(workspace)
        return { workspace, feedId: row.feed_id, firstWalkAt: row.first_walk_at, lastWalkAt: row.last_walk_at }
      }),
    // Between two steps of a write: its transaction is rolled back (the next walk records it again), and the write stops.
    close: () => {
      if (!db.open) return
      if (db.inTransaction) db.exec('ROLLBACK')
      db.close()
      checkpointer.close()
    },
  }
}
