import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { ChangeKind } from '../../contract/history'
import type { Model } from '../../contract/model'
import type { Logger } from '../logger'
import { diffWalk, walkFingerprint } from './diff-walk'
import {
  type HistoryStore,
  HistoryUnavailableError,
  type ModelRecord,
  type StoredChange,
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
  { migrations = MIGRATIONS }: { migrations?: readonly string[] } = {},
): OpenResult {
  const dir = resolve(dataDir)
  const path = join(dir, HISTORY_FILE)
  let db: Database.Database | null = null
  try {
    mkdirSync(dir, { recursive: true })
    db = new Database(path)
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    // With WAL, commits survive a crash of the process; only a power cut could lose the latest walk.
    db.pragma('synchronous = NORMAL')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' })
    migrate(db, migrations)
    assertWritable(db)
    return { ok: true, store: sqliteHistoryStore(db), path }
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
export function openHistoryOrReport(dataDir: string, logger: Logger): HistoryStore {
  const opened = openSqliteHistoryStore(dataDir)
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

/** The history in SQLite: a walk's changes are written in one transaction, so a crash never keeps half a walk. */
function sqliteHistoryStore(db: Database.Database): HistoryStore {
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
    models: db.prepare<[string], ModelRow>('SELECT * FROM models WHERE workspace = ?'),
    saveModel: db.prepare(
      `INSERT INTO models (workspace, model_id, display_name, lifecycle, first_seen, baseline, last_seen, removed_at)
       VALUES (@workspace, @modelId, @displayName, @lifecycle, @firstSeen, @baseline, @lastSeen, @removedAt)
       ON CONFLICT (workspace, model_id) DO UPDATE SET display_name = excluded.display_name,
         lifecycle = excluded.lifecycle, first_seen = excluded.first_seen, baseline = excluded.baseline,
         last_seen = excluded.last_seen, removed_at = excluded.removed_at`,
    ),
    addChange: db.prepare(
      `INSERT INTO changes (entry_id, workspace, model_id, kind, at, display_name, before, after)
       VALUES (@entryId, @workspace, @modelId, @kind, @at, @displayName, @before, @after)`,
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

  const recordWalk = db.transaction((workspace: string, models: readonly Model[], at: number) => {
    const row = workspaceRow(workspace)
    const fingerprint = walkFingerprint(models)
    statements.walked.run({ workspace, at, fingerprint })
    if (row.last_walk_at !== null && row.last_walk_fingerprint === fingerprint) return { baseline: false, changes: [] }
    const known = new Map(statements.models.all(workspace).map((model) => [model.model_id, toRecord(model)]))
    const diff = diffWalk(known, row.last_walk_at, models, at)
    for (const record of diff.records) {
      statements.saveModel.run({ ...record, workspace, baseline: Number(record.baseline) })
    }
    for (const change of diff.changes) {
      statements.addChange.run({ ...change, entryId: crypto.randomUUID(), workspace, at })
    }
    return { baseline: diff.baseline, changes: diff.changes }
  })

  return {
    recordWalk: async (workspace, models, at) => guarded(() => recordWalk(workspace, models, at)),
    changes: async ({ workspace, since = Number.MIN_SAFE_INTEGER, limit, afterId = Number.MAX_SAFE_INTEGER, kinds }) =>
      guarded(() => {
        const kindList = kinds ? `,${kinds.join(',')},` : null
        const rows = statements.changes.all({ workspace, since, afterId, limit: limit + 1, kinds: kindList })
        return { changes: rows.slice(0, limit).map(toChange), hasMore: rows.length > limit }
      }),
    seen: async (workspace, since = Number.MIN_SAFE_INTEGER) =>
      guarded(() => statements.seen.all({ workspace, since }).map(toRecord)),
    workspace: async (workspace) =>
      guarded(() => {
        const row = workspaceRow(workspace)
        return { workspace, feedId: row.feed_id, firstWalkAt: row.first_walk_at, lastWalkAt: row.last_walk_at }
      }),
    close: () => db.close(),
  }
}

/** A failure of the database after start (disk full, file damaged meanwhile) makes the history unavailable, with its code. */
function guarded<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw new HistoryUnavailableError(`its database failed (${errorCode(error)})`)
  }
}
