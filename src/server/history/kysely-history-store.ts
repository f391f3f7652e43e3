import { type Kysely, sql, type Transaction } from 'kysely'
import { diffWalkSteps, walkFingerprintSteps } from './diff-walk'
import type { HistoryEngine, HistoryTables } from './history-schema'
import { type ModelRow, readSeenPage, toRecord } from './kysely-seen-page'
import { STEP_UNITS, runInSteps, StepCounter, yieldToEventLoop } from '../work-in-steps'
import {
  type ChangeCounts,
  DEFAULT_HISTORY_RETENTION,
  type HistoryStore,
  type HistoryStoreOptions,
  HistoryUnavailableError,
  type ModelRecord,
  type NewChange,
  type RecordedWalk,
  type StoredChange,
  type WalkModel,
  type WalkRecordOptions,
} from './history-store'

type Db = Kysely<HistoryTables>
type Tx = Transaction<HistoryTables>

// Rows per INSERT: few enough that one statement is a small part of a step, within either engine's parameter limit.
const ROWS_PER_INSERT = 100
// A row written (with its indexes) costs a few times a model compared: it counts for this many units of a step.
const ROW_WRITE_UNITS = 4

export interface KyselyHistoryStoreOptions extends HistoryStoreOptions {
  engine: HistoryEngine
  /** Before every use: PostgreSQL's store migrates (again) here until the database could be reached once. */
  ready?: () => Promise<void>
  /** Whether the database answers now, bounded in time: for /readyz. */
  reachable: () => Promise<boolean>
  /** Ends the connections; the store refuses every use afterwards. */
  close: () => void
  /** Why a failure happened, in a few words for the API's answers (never a path or a password). */
  describeFailure?: (error: unknown) => string
}

/**
 * The history over Kysely: the same queries on SQLite (one server) and on
 * PostgreSQL (several replicas). A walk's changes are written in one
 * transaction, so a crash never keeps half a walk, and in steps
 * (work-in-steps.ts), so a walk of 100k models never holds the event loop.
 *
 * Across replicas, a workspace's walks are written one at a time (an advisory
 * lock held by the transaction), each compared with what the others recorded,
 * so a change one replica recorded is known to the next; and a change carries a
 * key (model, its revision, kind) unique in the table, so one written twice
 * anyway is kept once.
 */
export function kyselyHistoryStore(db: Db, options: KyselyHistoryStoreOptions): HistoryStore {
  const { engine, retention = DEFAULT_HISTORY_RETENTION, pause = yieldToEventLoop } = options
  let closed = false
  // This process's walks are written one at a time, and its reads wait for the one in progress (SQLite's single
  // connection does this by itself; PostgreSQL's pool would let a read see the history from before the walk).
  let writing: Promise<unknown> = Promise.resolve()

  async function lockWorkspace(trx: Tx, workspace: string): Promise<void> {
    // SQLite has one connection, held by the transaction; PostgreSQL's replicas take turns per workspace.
    if (engine === 'postgres') {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`model-catalogue-history:${workspace}`}))`.execute(trx)
    }
  }

  async function workspaceRow(executor: Db | Tx, workspace: string) {
    await executor
      .insertInto('workspaces')
      .values({ workspace, feed_id: crypto.randomUUID() })
      .onConflict((conflict) => conflict.column('workspace').doNothing())
      .execute()
    return executor.selectFrom('workspaces').selectAll().where('workspace', '=', workspace).executeTakeFirstOrThrow()
  }

  async function knownModels(trx: Tx, workspace: string, step: (units: number) => Promise<void>) {
    const known = new Map<string, ModelRecord>()
    const revisions = new Map<string, number>()
    let after = ''
    for (;;) {
      const rows = (await trx
        .selectFrom('models')
        .selectAll()
        .where('workspace', '=', workspace)
        .where('model_id', '>', after)
        .orderBy('model_id')
        .limit(STEP_UNITS)
        .execute()) as ModelRow[]
      for (const row of rows) {
        known.set(row.model_id, toRecord(row))
        revisions.set(row.model_id, row.revision)
      }
      await step(rows.length)
      if (rows.length < STEP_UNITS) return { known, revisions }
      after = rows.at(-1)!.model_id
    }
  }

  /** Runs a DELETE of at most `limit` rows again and again, a step each, until it deletes nothing or `most` are gone. */
  async function dropInSteps(
    drop: (limit: number) => Promise<number>,
    step: (units: number) => Promise<void>,
    most = Infinity,
  ): Promise<number> {
    let dropped = 0
    while (dropped < most) {
      const count = await drop(Math.min(STEP_UNITS, most - dropped))
      if (count === 0) break
      dropped += count
      await step(count)
    }
    return dropped
  }

  const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows)

  async function prune(trx: Tx, workspace: string, at: number, step: (units: number) => Promise<void>) {
    const cutoff = at - retention.maxAgeMs
    const { change_count: count } = await trx
      .selectFrom('workspaces')
      .select('change_count')
      .where('workspace', '=', workspace)
      .executeTakeFirstOrThrow()
    const oldestIds = (limit: number, older?: number) =>
      trx
        .selectFrom('changes')
        .select('id')
        .where('workspace', '=', workspace)
        .$if(older !== undefined, (query) => query.where('at', '<', older!))
        .orderBy('id')
        .limit(limit)
    const dropChanges = async (limit: number, older?: number) =>
      deleted(await trx.deleteFrom('changes').where('id', 'in', oldestIds(limit, older)).executeTakeFirst())
    let dropped = 0
    const excess = Number(count) - retention.maxChanges
    if (excess > 0) dropped += await dropInSteps((limit) => dropChanges(limit), step, excess)
    dropped += await dropInSteps((limit) => dropChanges(limit, cutoff), step)
    await countChanges(trx, workspace, -dropped)
    await dropInSteps(
      async (limit) =>
        deleted(
          await trx
            .deleteFrom('models')
            .where('workspace', '=', workspace)
            .where(
              'model_id',
              'in',
              trx
                .selectFrom('models')
                .select('model_id')
                .where('workspace', '=', workspace)
                .where('removed_at', '<', cutoff)
                .limit(limit),
            )
            .executeTakeFirst(),
        ),
      step,
    )
  }

  async function countChanges(trx: Tx, workspace: string, delta: number) {
    if (delta === 0) return
    await trx
      .updateTable('workspaces')
      .set((eb) => ({ change_count: eb('change_count', '+', delta) }))
      .where('workspace', '=', workspace)
      .execute()
  }

  async function saveModels(trx: Tx, rows: ModelRow[]) {
    await trx
      .insertInto('models')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['workspace', 'model_id']).doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          lifecycle: eb.ref('excluded.lifecycle'),
          first_seen: eb.ref('excluded.first_seen'),
          baseline: eb.ref('excluded.baseline'),
          last_seen: eb.ref('excluded.last_seen'),
          removed_at: eb.ref('excluded.removed_at'),
          missing_since: eb.ref('excluded.missing_since'),
          revision: eb.ref('excluded.revision'),
        })),
      )
      .execute()
  }

  /** Inserts the changes a chunk at a time; one another replica wrote already is skipped. Returns how many were new. */
  async function addChanges(trx: Tx, rows: ChangeInsert[]): Promise<number> {
    const result = await trx
      .insertInto('changes')
      .values(rows)
      .onConflict((conflict) => conflict.columns(['workspace', 'model_id', 'change_key']).doNothing())
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows ?? 0n)
  }

  async function recordWalk(
    workspace: string,
    models: readonly WalkModel[],
    at: number,
    options: WalkRecordOptions,
  ): Promise<RecordedWalk> {
    const work = new StepCounter()
    // A step ends before a piece of work that would not fit in it: writes go in chunks of known size.
    const fit = async (units: number) => {
      if (work.room() < units) await pause(work.take())
    }
    const step = async (units: number) => {
      work.tick(units)
      await fit(units)
    }
    const fingerprint = await runInSteps(walkFingerprintSteps(models, work), pause)
    return db.transaction().execute(async (trx) => {
      await lockWorkspace(trx, workspace)
      const row = await workspaceRow(trx, workspace)
      const nothing: RecordedWalk = { baseline: false, counts: {} }
      // A walk older than the last one recorded (another replica's, its backlog written second after an
      // outage) is behind what the history knows: comparing it would record each later change undone and
      // then done again. What it saw and lasted, the later walk carried already.
      if (row.last_walk_at !== null && at < row.last_walk_at) return nothing
      await trx
        .updateTable('workspaces')
        .set((eb) => ({
          first_walk_at: eb.fn.coalesce('first_walk_at', sql.lit(at)),
          last_walk_at: at,
          last_walk_fingerprint: fingerprint,
          walks: eb('walks', '+', 1),
        }))
        .where('workspace', '=', workspace)
        .execute()
      if (row.last_walk_at !== null && row.last_walk_fingerprint === fingerprint && !(await pendingRemovals(trx))) {
        return nothing
      }
      await fit(STEP_UNITS)
      const { known, revisions } = await knownModels(trx, workspace, step)
      const diff = await runInSteps(diffWalkSteps(known, row.last_walk_at, models, at, work, options), pause)
      // Rows are made a chunk at a time, inside the steps: 100k rows made at once would hold the loop by themselves.
      const changesOf = new Map<string, number>()
      const counts: ChangeCounts = {}
      for (const change of diff.changes) {
        changesOf.set(change.modelId, (changesOf.get(change.modelId) ?? 0) + 1)
        counts[change.kind] = (counts[change.kind] ?? 0) + 1
        await step(1)
      }
      await fit(ROWS_PER_INSERT * ROW_WRITE_UNITS)
      for (let start = 0; start < diff.records.length; start += ROWS_PER_INSERT) {
        const chunk = diff.records.slice(start, start + ROWS_PER_INSERT).map((record) => ({
          workspace,
          model_id: record.modelId,
          display_name: record.displayName,
          lifecycle: record.lifecycle,
          first_seen: record.firstSeen,
          baseline: Number(record.baseline),
          last_seen: record.lastSeen,
          removed_at: record.removedAt,
          missing_since: record.missingSince,
          revision: (revisions.get(record.modelId) ?? 0) + (changesOf.get(record.modelId) ?? 0),
        }))
        await saveModels(trx, chunk)
        await step(chunk.length * ROW_WRITE_UNITS)
      }
      let added = 0
      for (let start = 0; start < diff.changes.length; start += ROWS_PER_INSERT) {
        const chunk = diff.changes
          .slice(start, start + ROWS_PER_INSERT)
          .map((change) => changeRow(change, workspace, at, `${revisions.get(change.modelId) ?? 0}:${change.kind}`))
        added += await addChanges(trx, chunk)
        await step(chunk.length * ROW_WRITE_UNITS)
      }
      await countChanges(trx, workspace, added)
      // The pruning and the COMMIT each get a step of their own.
      await pause(work.take())
      await prune(trx, workspace, at, (units) => step(Math.max(units, STEP_UNITS)))
      await pause(work.take())
      return { baseline: diff.baseline, counts }
    })

    async function pendingRemovals(trx: Tx): Promise<boolean> {
      const found = await trx
        .selectFrom('models')
        .select(sql.lit(1).as('found'))
        .where('workspace', '=', workspace)
        .where('missing_since', 'is not', null)
        .limit(1)
        .executeTakeFirst()
      return found !== undefined
    }
  }

  /** Runs one use of the store; any failure of the database becomes a HistoryUnavailableError saying so in a few words. */
  async function guarded<T>(work: () => Promise<T>, afterWrites = true): Promise<T> {
    if (closed) throw new HistoryUnavailableError('the server is stopping')
    try {
      if (afterWrites) await writing.catch(() => {})
      await options.ready?.()
      return await work()
    } catch (error) {
      if (error instanceof HistoryUnavailableError) throw error
      if (closed) throw new HistoryUnavailableError('the server is stopping')
      throw new HistoryUnavailableError(options.describeFailure?.(error) ?? 'its database failed')
    }
  }

  return {
    engine,
    recordWalk: (workspace, models, at, walkOptions = {}) => {
      const written = writing
        .catch(() => {})
        .then(() => guarded(() => recordWalk(workspace, models, at, walkOptions), false))
      writing = written
      return written
    },
    changes: ({ workspace, since = Number.MIN_SAFE_INTEGER, limit, afterId = Number.MAX_SAFE_INTEGER, kinds }) =>
      guarded(async () => {
        const rows = await db
          .selectFrom('changes')
          .select(['id', 'entry_id', 'workspace', 'model_id', 'kind', 'at', 'display_name', 'before', 'after'])
          .where('workspace', '=', workspace)
          .where('id', '<', afterId)
          .where('at', '>=', since)
          .$if(kinds !== undefined && kinds.length > 0, (query) => query.where('kind', 'in', kinds!))
          // No kinds asked for: no changes (`kind IN ()` is not SQL).
          .$if(kinds?.length === 0, (query) => query.where(sql<boolean>`1 = 0`))
          .orderBy('id', 'desc')
          .limit(limit + 1)
          .execute()
        return { changes: rows.slice(0, limit).map(toChange), hasMore: rows.length > limit }
      }),
    seen: (query) => guarded(() => readSeenPage(db, query)),
    workspace: (workspace) =>
      guarded(async () => {
        const row = await workspaceRow(db, workspace)
        return { workspace, feedId: row.feed_id, firstWalkAt: row.first_walk_at, lastWalkAt: row.last_walk_at }
      }),
    status: async () => ({ engine, reachable: !closed && (await options.reachable().catch(() => false)) }),
    close: () => {
      if (closed) return
      closed = true
      options.close()
    },
  }
}

interface ChangeInsert {
  entry_id: string
  workspace: string
  model_id: string
  kind: NewChange['kind']
  at: number
  display_name: string
  before: string | null
  after: string | null
  change_key: string
}

const changeRow = (change: NewChange, workspace: string, at: number, changeKey: string): ChangeInsert => ({
  entry_id: crypto.randomUUID(),
  workspace,
  model_id: change.modelId,
  kind: change.kind,
  at,
  display_name: change.displayName,
  before: change.before,
  after: change.after,
  change_key: changeKey,
})

const toChange = (
  row: Omit<StoredChange, 'entryId' | 'modelId' | 'displayName'> & {
    entry_id: string
    model_id: string
    display_name: string
  },
): StoredChange => ({
  id: Number(row.id),
  entryId: row.entry_id,
  workspace: row.workspace,
  modelId: row.model_id,
  kind: row.kind,
  at: Number(row.at),
  displayName: row.display_name,
  before: row.before,
  after: row.after,
})
