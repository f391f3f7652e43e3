import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { HistoryEngine, HistoryTables } from './history-schema'

/**
 * The schema, one step per version, for each engine. Append only: a released
 * step is never edited. The steps are in the code, not in files read at run
 * time, so the built server (dist) carries them. Kysely's migrator runs the
 * missing ones in one transaction, under its lock (on PostgreSQL a session
 * advisory lock), so replicas starting together migrate once.
 */
interface Step {
  name: string
  sqlite: readonly string[]
  postgres: readonly string[]
}

const KINDS = "kind IN ('added', 'removed', 'display_name_changed', 'lifecycle_changed')"

export const HISTORY_STEPS: readonly Step[] = [
  {
    name: '0001_history',
    sqlite: [
      `CREATE TABLE workspaces (workspace TEXT PRIMARY KEY, feed_id TEXT NOT NULL, first_walk_at INTEGER,
         last_walk_at INTEGER, last_walk_fingerprint TEXT, walks INTEGER NOT NULL DEFAULT 0) STRICT`,
      `CREATE TABLE models (workspace TEXT NOT NULL, model_id TEXT NOT NULL, display_name TEXT NOT NULL, lifecycle TEXT,
         first_seen INTEGER NOT NULL, baseline INTEGER NOT NULL, last_seen INTEGER, removed_at INTEGER,
         PRIMARY KEY (workspace, model_id)) STRICT, WITHOUT ROWID`,
      `CREATE TABLE changes (id INTEGER PRIMARY KEY AUTOINCREMENT, entry_id TEXT NOT NULL UNIQUE, workspace TEXT NOT NULL,
         model_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (${KINDS}), at INTEGER NOT NULL, display_name TEXT NOT NULL,
         before TEXT, after TEXT) STRICT`,
      'CREATE INDEX changes_by_workspace ON changes (workspace, id)',
    ],
    postgres: [
      `CREATE TABLE workspaces (workspace TEXT PRIMARY KEY, feed_id TEXT NOT NULL, first_walk_at BIGINT,
         last_walk_at BIGINT, last_walk_fingerprint TEXT, walks BIGINT NOT NULL DEFAULT 0)`,
      `CREATE TABLE models (workspace TEXT NOT NULL, model_id TEXT NOT NULL, display_name TEXT NOT NULL, lifecycle TEXT,
         first_seen BIGINT NOT NULL, baseline INTEGER NOT NULL, last_seen BIGINT, removed_at BIGINT,
         PRIMARY KEY (workspace, model_id))`,
      `CREATE TABLE changes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, entry_id TEXT NOT NULL UNIQUE,
         workspace TEXT NOT NULL, model_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (${KINDS}), at BIGINT NOT NULL,
         display_name TEXT NOT NULL, before TEXT, after TEXT)`,
      'CREATE INDEX changes_by_workspace ON changes (workspace, id)',
    ],
  },
  // Removals wait for a second walk; retention drops old changes and long-removed models.
  {
    name: '0002_removals_and_retention',
    sqlite: [
      'ALTER TABLE models ADD COLUMN missing_since INTEGER',
      'ALTER TABLE workspaces ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0',
      'UPDATE workspaces SET change_count = (SELECT count(*) FROM changes WHERE changes.workspace = workspaces.workspace)',
      'CREATE INDEX models_missing ON models (workspace) WHERE missing_since IS NOT NULL',
      'CREATE INDEX models_removed ON models (workspace, removed_at) WHERE removed_at IS NOT NULL',
      'CREATE INDEX changes_by_time ON changes (workspace, at)',
    ],
    postgres: [
      'ALTER TABLE models ADD COLUMN missing_since BIGINT',
      'ALTER TABLE workspaces ADD COLUMN change_count BIGINT NOT NULL DEFAULT 0',
      'CREATE INDEX models_missing ON models (workspace) WHERE missing_since IS NOT NULL',
      'CREATE INDEX models_removed ON models (workspace, removed_at) WHERE removed_at IS NOT NULL',
      'CREATE INDEX changes_by_time ON changes (workspace, at)',
    ],
  },
  // Exactly once across replicas: a change's key is the model's revision it was observed against, and its kind.
  {
    name: '0003_changes_once',
    sqlite: [
      'ALTER TABLE models ADD COLUMN revision INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE changes ADD COLUMN change_key TEXT',
      // Changes recorded before keys existed keep a key of their own, which no new change can take.
      "UPDATE changes SET change_key = 'before-keys:' || entry_id",
      'CREATE UNIQUE INDEX changes_once ON changes (workspace, model_id, change_key)',
    ],
    postgres: [
      'ALTER TABLE models ADD COLUMN revision INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE changes ADD COLUMN change_key TEXT NOT NULL',
      'CREATE UNIQUE INDEX changes_once ON changes (workspace, model_id, change_key)',
    ],
  },
]

/**
 * SQLite files written before Kysely counted their steps in PRAGMA user_version
 * (the first two steps above, same SQL): those steps are taken as done.
 */
export const LEGACY_SQLITE_VERSIONS = 2

async function legacyVersion<Tables>(db: Kysely<Tables>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  return rows[0]?.user_version ?? 0
}

function stepMigration(step: Step, index: number, engine: HistoryEngine): Migration {
  return {
    async up(db) {
      if (engine === 'sqlite' && index < (await legacyVersion(db))) return
      for (const statement of step[engine]) await sql.raw(statement).execute(db)
    },
  }
}

export function historyMigrations(engine: HistoryEngine, steps: readonly Step[] = HISTORY_STEPS): MigrationProvider {
  const migrations = Object.fromEntries(steps.map((step, index) => [step.name, stepMigration(step, index, engine)]))
  return { getMigrations: async () => migrations }
}

/** The database is from a newer version of the dashboard, whose schema this one does not know. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError'
  constructor(detail: string) {
    super(`a schema newer than this server's (${detail})`)
  }
}

/** Brings the database to the latest schema; a newer one is refused, untouched. */
export async function migrateHistory(
  db: Kysely<HistoryTables>,
  engine: HistoryEngine,
  provider: MigrationProvider = historyMigrations(engine),
): Promise<void> {
  if (engine === 'sqlite') {
    const version = await legacyVersion(db)
    if (version > LEGACY_SQLITE_VERSIONS) throw new NewerSchemaError(`user_version ${version}`)
  }
  const { error } = await new Migrator({ db, provider }).migrateToLatest()
  if (!error) return
  if (error instanceof Error && error.message.startsWith('corrupted migrations')) {
    throw new NewerSchemaError(error.message)
  }
  throw error
}

export type { Step as HistoryMigrationStep }
