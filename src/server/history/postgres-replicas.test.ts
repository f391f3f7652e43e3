import { Kysely, PostgresDialect, sql } from 'kysely'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { afterThisTest, allSeen, historyModel as model, HOUR, T0 } from '../../testing/history-fixtures'
import { type PostgresCluster, startPostgresCluster } from '../../testing/postgres-cluster'
import { freshPostgresDatabase } from '../../testing/postgres-database'
import { createCapturingLogger, createTestApp, readError } from '../../testing/test-app'
import { migrateHistory } from './history-migrations'
import type { HistoryTables } from './history-schema'
import { historyPool, openPostgresHistoryStore } from './postgres-history-store'
import type { HistoryStore } from './history-store'

const settings = (url: string) => ({ url, poolMax: 4, connectTimeoutMs: 1_000, statementTimeoutMs: 5_000 })

/** One replica's store on the database at `url`: a pool of its own, as a second process would have. */
function replica(url: string): HistoryStore {
  const store = openPostgresHistoryStore(settings(url), createCapturingLogger())
  afterThisTest(() => store.close())
  return store
}

async function allChanges(store: HistoryStore) {
  return (await store.changes({ workspace: 'default', limit: 1_000 })).changes
}

describe('replicas on one PostgreSQL', () => {
  it('migrate once when they start at the same moment (the migrator holds an advisory lock)', async () => {
    const url = await freshPostgresDatabase()
    const databases = Array.from({ length: 4 }, () => {
      const db = new Kysely<HistoryTables>({
        dialect: new PostgresDialect({ pool: historyPool(settings(url), createCapturingLogger()) }),
      })
      afterThisTest(() => void db.destroy())
      return db
    })
    // Without the lock, the second CREATE TABLE workspaces would fail.
    await Promise.all(databases.map((db) => migrateHistory(db, 'postgres')))
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(databases[0]!)
    expect(rows.map((row) => row.name)).toEqual(['0001_history', '0002_removals_and_retention', '0003_changes_once'])
  })

  it('record a change once when both walk at the same moment, and serve the same changes and feed id', async () => {
    const url = await freshPostgresDatabase()
    const [first, second] = [replica(url), replica(url)]
    await first.recordWalk('default', [model('a'), model('b')], T0)
    const changed = [model('c'), model('a')]
    // Twice over: the removal of b needs a second walk without it.
    for (const hour of [1, 2]) {
      await Promise.all([
        first.recordWalk('default', changed, T0 + hour * HOUR),
        second.recordWalk('default', changed, T0 + hour * HOUR + 5),
      ])
    }
    const changes = await allChanges(first)
    expect(changes.map((change) => [change.kind, change.modelId])).toEqual([
      ['removed', 'b'],
      ['added', 'c'],
    ])
    expect(await allChanges(second)).toEqual(changes)
    expect((await second.workspace('default')).feedId).toBe((await first.workspace('default')).feedId)
    expect(await allSeen(second)).toEqual(await allSeen(first))
  })

  it('let a replica that starts after the change record neither a new baseline nor "added" for known models', async () => {
    const url = await freshPostgresDatabase()
    const first = replica(url)
    await first.recordWalk('default', [model('a')], T0)
    await first.recordWalk('default', [model('a'), model('b')], T0 + HOUR)
    const late = replica(url)
    expect(await late.recordWalk('default', [model('a'), model('b')], T0 + HOUR + 30_000)).toEqual({
      baseline: false,
      counts: {},
    })
    expect((await allChanges(late)).map((change) => change.modelId)).toEqual(['b'])
    expect(await late.workspace('default')).toMatchObject({ firstWalkAt: T0 })
  })

  it('keep a change once even when two writes compare the same state (the unique change key)', async () => {
    const url = await freshPostgresDatabase()
    const store = replica(url)
    await store.recordWalk('default', [model('a')], T0)
    await store.recordWalk('default', [model('a'), model('b')], T0 + HOUR)
    const [stored] = await allChanges(store)
    // What a replica that compared with the state before b would insert: the same key, another id and time.
    const db = new Kysely<HistoryTables>({
      dialect: new PostgresDialect({ pool: historyPool(settings(url), createCapturingLogger()) }),
    })
    afterThisTest(() => void db.destroy())
    const { change_key: key } = await db
      .selectFrom('changes')
      .select('change_key')
      .where('entry_id', '=', stored!.entryId)
      .executeTakeFirstOrThrow()
    const result = await db
      .insertInto('changes')
      .values({
        entry_id: crypto.randomUUID(),
        workspace: 'default',
        model_id: 'b',
        kind: 'added',
        at: T0 + HOUR + 1,
        display_name: 'B',
        before: null,
        after: null,
        change_key: key,
      })
      .onConflict((conflict) => conflict.columns(['workspace', 'model_id', 'change_key']).doNothing())
      .executeTakeFirst()
    expect(result.numInsertedOrUpdatedRows).toBe(0n)
    expect(await allChanges(store)).toEqual([stored])
  })
})

describe('a PostgreSQL that stops and comes back', () => {
  // A cluster of its own: stopping the shared one would fail the other files' tests.
  let cluster: PostgresCluster
  beforeAll(async () => {
    cluster = await startPostgresCluster()
  }, 120_000)
  afterAll(() => cluster?.stop())

  it('keeps the lists served, answers 503 for the history, then writes the waiting walks once it is back', async () => {
    const store = openPostgresHistoryStore(settings(cluster.url), createCapturingLogger())
    afterThisTest(() => store.close())
    const { app, fake, clock, listPage } = createTestApp({ history: store, pacing: { forcedRefreshIntervalMs: 0 } })
    const before = fake.stats.requests.length
    await listPage()
    await expect.poll(async () => (await app.request('/api/changes')).status).toBe(200)
    expect(fake.stats.requests.length).toBeGreaterThan(before)

    cluster.pause()
    const models = (await listPage()).data.length
    fake.setModels([model('claude-new-1', 'Claude New'), ...DEMO_MODELS])
    clock.advance(HOUR)
    expect((await listPage({ refresh: '1' })).data.length).toBe(models + 1)
    for (const path of ['/api/changes', '/api/seen', '/feed.xml']) {
      const response = await app.request(path)
      expect(response.status, path).toBe(503)
      const body = await readError(response)
      expect(body.error.type).toBe('api_error')
      expect(body.error.message).toContain('its database cannot be reached')
      expect(body.error.message).not.toContain(String(cluster.port))
    }
    expect(await (await app.request('/readyz')).text()).toContain('history store: postgres, unreachable')

    cluster.resume()
    await expect
      .poll(
        async () => {
          const response = await app.request('/api/changes?kind=added')
          return response.status === 200 ? ((await response.json()) as { data: { model_id: string }[] }).data : []
        },
        { timeout: 20_000, interval: 250 },
      )
      .toEqual([expect.objectContaining({ model_id: 'claude-new-1' })])
    expect(await (await app.request('/readyz')).text()).toContain('history store: postgres, reachable')
    const metrics = await (await app.request('/metrics')).text()
    expect(metrics).toMatch(/model_catalogue_history_store_errors_total\{engine="postgres",operation="changes"\} [1-9]/)
    expect(metrics).toContain('model_catalogue_history_store_duration_seconds_bucket{')
  }, 60_000)
})
