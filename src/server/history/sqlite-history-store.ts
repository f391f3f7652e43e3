import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely'
import { createDirectory } from '../data-dir'
import { historyMigrations, migrateHistory, NewerSchemaError } from './history-migrations'
import type { HistoryTables } from './history-schema'
import { kyselyHistoryStore } from './kysely-history-store'
import { startWalCheckpointer } from './wal-checkpointer'
import type { HistoryStore, HistoryStoreOptions } from './history-store'

// Node only (a native module). The server opens it on a worker thread (sqlite-history-thread.ts), which runs this.

export const HISTORY_FILE = 'history.sqlite'

export type OpenResult = { ok: true; store: HistoryStore; path: string } | OpenFailure

export interface OpenFailure {
  ok: false
  path: string
  /** One line for the log: what happened, with the path, and what to do. */
  message: string
  /** What happened in a few words for the API's answers, which name no paths. */
  reason: string
}

export interface SqliteOpenOptions extends HistoryStoreOptions {
  /** Another list of migrations, for tests of the schema's steps. */
  migrations?: ReturnType<typeof historyMigrations>
}

/**
 * SQLite runs DDL in transactions, but Kysely's adapter says it does not, so its
 * migrator would leave a failed step half done; this one says it does.
 */
class HistorySqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl() {
        return true
      }
    })()
  }
}

/**
 * Opens (creating or migrating) DATA_DIR/history.sqlite. Whatever is wrong
 * with the file shows here, at start, rather than at the first walk: it is
 * checked through (quick_check) and written to once.
 */
export async function openSqliteHistoryStore(
  dataDir: string,
  { migrations, ...options }: SqliteOpenOptions = {},
): Promise<OpenResult> {
  const dir = resolve(dataDir)
  const path = join(dir, HISTORY_FILE)
  let raw: Database.Database | null = null
  try {
    createDirectory(dir)
    raw = new Database(path)
    raw.pragma('busy_timeout = 5000')
    raw.pragma('journal_mode = WAL')
    // With WAL, commits survive a crash of the process; only a power cut could lose the latest walk.
    raw.pragma('synchronous = NORMAL')
    // Checkpoints run on a worker thread (wal-checkpointer.ts), not inside a COMMIT on the event loop.
    raw.pragma('wal_autocheckpoint = 0')
    // A transaction spills its pages to the log once they pass the cache, so a COMMIT writes at most this much (1 MB).
    raw.pragma('cache_size = -1000')
    const check = raw.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' })
    const db = new Kysely<HistoryTables>({ dialect: new HistorySqliteDialect({ database: raw }) })
    await migrateHistory(db, 'sqlite', migrations)
    assertWritable(raw)
    const checkpointer = startWalCheckpointer(path)
    const handle = raw
    const store = kyselyHistoryStore(db, {
      ...options,
      engine: 'sqlite',
      reachable: async () => handle.open,
      describeFailure: (error) => `its database failed (${errorCode(error)})`,
      close: () => closeSqlite(handle, checkpointer.close),
    })
    return { ok: true, store: withCheckpoints(store, checkpointer.checkpoint), path }
  } catch (error) {
    raw?.close()
    return { ok: false, path, ...describeOpenFailure(error, dir, path) }
  }
}

/**
 * The history in an SQLite database in memory, gone when the process ends: for
 * the demo (whose line-up stays out of DATA_DIR), tests, and an app given no store.
 */
export function openMemoryHistoryStore(options: HistoryStoreOptions = {}): HistoryStore {
  const raw = new Database(':memory:')
  const db = new Kysely<HistoryTables>({ dialect: new HistorySqliteDialect({ database: raw }) })
  const migrated = migrateHistory(db, 'sqlite')
  return kyselyHistoryStore(db, {
    ...options,
    engine: 'sqlite',
    ready: () => migrated,
    reachable: async () => raw.open,
    close: () => closeSqlite(raw),
  })
}

/** Between two steps of a write: its transaction is rolled back (the next walk records it again), and the write stops. */
function closeSqlite(raw: Database.Database, after?: () => void): void {
  if (!raw.open) return
  if (raw.inTransaction) raw.exec('ROLLBACK')
  raw.close()
  after?.()
}

/** After each walk written, the log is copied into the database on the checkpointer's thread. */
function withCheckpoints(store: HistoryStore, checkpoint: () => void): HistoryStore {
  return {
    ...store,
    recordWalk: async (...args) => {
      const walk = await store.recordWalk(...args)
      checkpoint()
      return walk
    },
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

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'unknown error'
}
