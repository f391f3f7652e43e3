import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { DatabaseConfig } from '../config'
import type { Logger } from '../logger'
import { migrateHistory, NewerSchemaError } from './history-migrations'
import type { HistoryTables } from './history-schema'
import { kyselyHistoryStore } from './kysely-history-store'
import type { HistoryStore, HistoryStoreOptions } from './history-store'

// Node only (sockets): main.ts opens the store and hands it to createApp.

type PostgresSettings = DatabaseConfig

const INT8 = 20
// BIGINT columns (times, ids, counts) come back as numbers: epoch ms and counts fit in 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

const REACHABLE_WITHIN_MS = 1_000

/**
 * A connection that always has an error listener, from its first moment: one
 * dropped by the database while in use (a restart) would otherwise end the
 * process. The query on it fails anyway (a 503, or a walk tried again later).
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config)
    this.on('error', () => {})
  }
}

/** The pool, bounded in size and in every wait, with this server's name on its sessions. */
export function historyPool(settings: PostgresSettings, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolMax,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: settings.statementTimeoutMs,
    // The client gives up a little after the server would have, also when the server is gone without a word.
    query_timeout: settings.statementTimeoutMs + 1_000,
    keepAlive: true,
    application_name: 'model-catalogue-dashboard',
    types,
    Client: ListenedClient,
  })
  // An idle connection that the database drops (a restart) is an event, not a crash: the next use reconnects.
  pool.on('error', (error) =>
    logger.warn(`PostgreSQL dropped an idle history connection: ${describePostgresFailure(error)}.`),
  )
  return pool
}

/**
 * The history in PostgreSQL, shared by every replica given the same
 * DATABASE_URL. It is returned at once, even when the database cannot be
 * reached: the schema is migrated at start and again before any use until it
 * has been once, so a replica that starts while the database is down serves the
 * catalogue and catches up when it is back.
 */
export function openPostgresHistoryStore(
  settings: PostgresSettings,
  logger: Logger,
  options: HistoryStoreOptions = {},
): HistoryStore {
  const pool = historyPool(settings, logger)
  const db = new Kysely<HistoryTables>({ dialect: new PostgresDialect({ pool }) })
  let migrated: Promise<void> | null = null
  const ready = () => {
    migrated ??= migrateHistory(db, 'postgres').catch((error: unknown) => {
      migrated = null
      throw error
    })
    return migrated
  }
  const where = describeDatabase(settings.url)
  ready().then(
    () => logger.info(`Catalogue history is kept in PostgreSQL at ${where}, its schema up to date.`),
    (error: unknown) =>
      logger.error(
        `Catalogue history in PostgreSQL at ${where} is unavailable for now (${describePostgresFailure(error)}). The catalogue is served meanwhile; walks are kept in memory and written when the database answers. Check DATABASE_URL and the database.`,
      ),
  )
  return kyselyHistoryStore(db, {
    ...options,
    engine: 'postgres',
    ready,
    reachable: async () => {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), REACHABLE_WITHIN_MS)))
      const answered = sql`SELECT 1`.execute(db).then(
        () => true,
        () => false,
      )
      return Promise.race([answered, late]).finally(() => clearTimeout(timer))
    },
    describeFailure: describePostgresFailure,
    close: () => void db.destroy().catch(() => {}),
  })
}

/** The host, port and database of a URL: what a log line may say of it (never the user or the password). */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}

/** What went wrong, in a few words for the API's answers and the log: no address, no password. */
export function describePostgresFailure(error: unknown): string {
  if (error instanceof NewerSchemaError) return 'its database was written by a newer version of the dashboard'
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : ''
  if (code === '57014' || /timeout/i.test(message)) return 'its database did not answer in time'
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P01', '57P03'].includes(String(code)) ||
    /terminat|Connection|closed/i.test(message)
  ) {
    return 'its database cannot be reached'
  }
  return `its database failed (${typeof code === 'string' ? code : 'unknown error'})`
}
