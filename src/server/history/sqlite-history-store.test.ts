import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { afterThisTest, allSeen, historyModel as model, HOUR, T0, tempDir } from '../../testing/history-fixtures'
import { createCapturingLogger, createTestApp, readError } from '../../testing/test-app'
import { HISTORY_STEPS, historyMigrations, LEGACY_SQLITE_VERSIONS } from './history-migrations'
import { HISTORY_FILE, openSqliteHistoryStore, type OpenResult } from './sqlite-history-store'
import { openHistoryOrReport } from './sqlite-history-thread'

async function opened(pending: Promise<OpenResult>) {
  const result = await pending
  if (!result.ok) throw new Error(result.message)
  afterThisTest(() => result.store.close())
  return result.store
}

async function failed(pending: Promise<OpenResult>) {
  const result = await pending
  if (result.ok) {
    result.store.close()
    throw new Error('expected the history store not to open')
  }
  // One line for the log, naming the file and saying what to do.
  expect(result.message).not.toContain('\n')
  expect(result.message).toContain(result.path)
  expect(result.message).toMatch(/restart/)
  expect(result.message).toContain('serves the live catalogue')
  return result
}

function readDatabase<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

const userVersion = (path: string) => readDatabase(path, (db) => db.pragma('user_version', { simple: true }))
const migrationsRun = (path: string) =>
  readDatabase(path, (db) =>
    (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name),
  )
const ALL_STEPS = HISTORY_STEPS.map((step) => step.name)

/** A history.sqlite as the dashboard wrote it before Kysely: the first `version` steps' SQL, counted in user_version. */
function legacyDatabase(path: string, version: number): Database.Database {
  const db = new Database(path)
  for (const step of HISTORY_STEPS.slice(0, version)) for (const statement of step.sqlite) db.exec(statement)
  db.pragma(`user_version = ${version}`)
  return db
}

describe('the SQLite history store across restarts', () => {
  it('keeps baseline, changes and first/last seen when closed and opened again, and goes on from there', async () => {
    const dir = tempDir('sqlite-history-')
    const first = await opened(openSqliteHistoryStore(dir))
    await first.recordWalk('default', [model('a'), model('b')], T0)
    await first.recordWalk('default', [model('a'), model('b'), model('c')], T0 + HOUR)
    const feedId = (await first.workspace('default')).feedId
    first.close()

    const second = await opened(openSqliteHistoryStore(dir))
    expect(await second.workspace('default')).toEqual({
      workspace: 'default',
      feedId,
      firstWalkAt: T0,
      lastWalkAt: T0 + HOUR,
    })
    // No second baseline after a restart: b, gone while the server was down, is a removal once a second walk agrees.
    await second.recordWalk('default', [model('a'), model('c')], T0 + 2 * HOUR)
    second.close()
    const third = await opened(openSqliteHistoryStore(dir))
    const walk = await third.recordWalk('default', [model('a'), model('c')], T0 + 3 * HOUR)
    expect(walk).toEqual({ baseline: false, counts: { removed: 1 } })
    const page = await third.changes({ workspace: 'default', limit: 50 })
    expect(page.changes.map((change) => [change.kind, change.modelId, change.at])).toEqual([
      ['removed', 'b', T0 + 3 * HOUR],
      ['added', 'c', T0 + HOUR],
    ])
    expect(await allSeen(third)).toEqual([
      expect.objectContaining({ modelId: 'b', firstSeen: T0, baseline: true, lastSeen: T0 + HOUR }),
      expect.objectContaining({ modelId: 'c', firstSeen: T0 + HOUR, baseline: false, removedAt: null }),
    ])
  })
})

describe('closing the SQLite history store', () => {
  it('during a walk being written rolls the walk back whole: reopened, the history is as before it', async () => {
    const dir = tempDir('sqlite-history-')
    const first = await opened(openSqliteHistoryStore(dir))
    await first.recordWalk('default', [model('a')], T0)
    first.close()

    let steps = 0
    const closing = await opened(
      openSqliteHistoryStore(dir, {
        pause: async () => {
          steps += 1
          // As on SIGTERM: the process closes the history between two steps of a write.
          if (steps === 3) closing.close()
        },
      }),
    )
    const big = Array.from({ length: 10_000 }, (_, index) => model(`m${index}`))
    await expect(closing.recordWalk('default', [model('a'), ...big], T0 + HOUR)).rejects.toThrow(
      'the server is stopping',
    )
    await expect(closing.changes({ workspace: 'default', limit: 1 })).rejects.toThrow('the server is stopping')

    const reopened = await opened(openSqliteHistoryStore(dir))
    expect(await reopened.workspace('default')).toMatchObject({ lastWalkAt: T0 })
    expect((await reopened.changes({ workspace: 'default', limit: 50 })).changes).toEqual([])
    // The next walk records it all.
    await reopened.recordWalk('default', [model('a'), ...big], T0 + 2 * HOUR)
    expect((await reopened.changes({ workspace: 'default', limit: 20_000 })).changes).toHaveLength(10_000)
  })
})

describe('the SQLite schema', () => {
  it('creates DATA_DIR and a migrated history.sqlite where there was nothing', async () => {
    const dir = join(tempDir('sqlite-history-'), 'nested', 'data')
    await opened(openSqliteHistoryStore(dir))
    expect(migrationsRun(join(dir, HISTORY_FILE))).toEqual(ALL_STEPS)
  })

  it('migrates an empty file', async () => {
    const dir = tempDir('sqlite-history-')
    writeFileSync(join(dir, HISTORY_FILE), '')
    const store = await opened(openSqliteHistoryStore(dir))
    await store.recordWalk('default', [model('a')], T0)
    expect(migrationsRun(join(dir, HISTORY_FILE))).toEqual(ALL_STEPS)
  })

  it('takes over a history written before Kysely (user_version 2): keeps its changes, baseline and feed id, and goes on', async () => {
    const dir = tempDir('sqlite-history-')
    const db = legacyDatabase(join(dir, HISTORY_FILE), LEGACY_SQLITE_VERSIONS)
    db.prepare(
      "INSERT INTO workspaces (workspace, feed_id, first_walk_at, last_walk_at, last_walk_fingerprint, walks, change_count) VALUES ('default', 'feed-1', ?, ?, 'x', 2, 1)",
    ).run(T0, T0 + HOUR)
    const addModel = db.prepare(
      "INSERT INTO models (workspace, model_id, display_name, first_seen, baseline) VALUES ('default', ?, ?, ?, ?)",
    )
    addModel.run('a', 'A', T0, 1)
    addModel.run('b', 'B', T0 + HOUR, 0)
    db.prepare(
      "INSERT INTO changes (entry_id, workspace, model_id, kind, at, display_name) VALUES ('entry-b', 'default', 'b', 'added', ?, 'B')",
    ).run(T0 + HOUR)
    db.close()

    const store = await opened(openSqliteHistoryStore(dir))
    expect(await store.workspace('default')).toMatchObject({ feedId: 'feed-1', firstWalkAt: T0 })
    expect(await store.recordWalk('default', [model('a'), model('b'), model('c')], T0 + 2 * HOUR)).toEqual({
      baseline: false,
      counts: { added: 1 },
    })
    const page = await store.changes({ workspace: 'default', limit: 50 })
    expect(page.changes.map((change) => [change.modelId, change.entryId])).toEqual([
      ['c', expect.any(String)],
      ['b', 'entry-b'],
    ])
    expect(migrationsRun(join(dir, HISTORY_FILE))).toEqual(ALL_STEPS)
    expect(userVersion(join(dir, HISTORY_FILE))).toBe(LEGACY_SQLITE_VERSIONS)
  })

  it('counts the changes a version-1 history already holds, so HISTORY_MAX_CHANGES applies to them', async () => {
    const dir = tempDir('sqlite-history-')
    const db = legacyDatabase(join(dir, HISTORY_FILE), 1)
    db.prepare(
      "INSERT INTO workspaces (workspace, feed_id, first_walk_at, last_walk_at, walks) VALUES ('default', 'f', ?, ?, 2)",
    ).run(T0, T0)
    const insert = db.prepare(
      "INSERT INTO changes (entry_id, workspace, model_id, kind, at, display_name) VALUES (?, 'default', ?, 'added', ?, ?)",
    )
    for (let index = 0; index < 5; index += 1) insert.run(`entry-${index}`, `m${index}`, T0, `M${index}`)
    db.close()
    const store = await opened(
      openSqliteHistoryStore(dir, { retention: { maxAgeMs: 1_000 * 24 * HOUR, maxChanges: 3 } }),
    )
    await store.recordWalk('default', [model('x')], T0 + HOUR)
    const page = await store.changes({ workspace: 'default', limit: 50 })
    expect(page.changes.map((change) => change.modelId)).toEqual(['x', 'm4', 'm3'])
  })

  it('runs only the steps an existing database lacks, each once, and keeps its data', async () => {
    const dir = tempDir('sqlite-history-')
    const before = await opened(openSqliteHistoryStore(dir))
    await before.recordWalk('default', [model('a')], T0)
    await before.recordWalk('default', [model('a'), model('b')], T0 + HOUR)
    before.close()

    const extra = { name: '9000_note', sqlite: ['ALTER TABLE changes ADD COLUMN note TEXT'], postgres: [] }
    const migrations = historyMigrations('sqlite', [...HISTORY_STEPS, extra])
    const after = await opened(openSqliteHistoryStore(dir, { migrations }))
    expect(migrationsRun(join(dir, HISTORY_FILE))).toEqual([...ALL_STEPS, extra.name])
    expect((await after.changes({ workspace: 'default', limit: 50 })).changes.map((c) => c.modelId)).toEqual(['b'])
    after.close()
    // Opened again, nothing is run twice (adding the column twice would fail).
    await opened(openSqliteHistoryStore(dir, { migrations }))
  })

  it('runs the missing steps together or not at all', async () => {
    const dir = tempDir('sqlite-history-')
    const broken = { name: '9000_broken', sqlite: ['CREATE TABLE u (x)', 'CREATE TABLE workspaces (y)'], postgres: [] }
    await failed(openSqliteHistoryStore(dir, { migrations: historyMigrations('sqlite', [...HISTORY_STEPS, broken]) }))
    const tables = readDatabase(join(dir, HISTORY_FILE), (db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE name IN ('u', 'workspaces')").all(),
    )
    expect(tables).toEqual([])
  })

  it('refuses, untouched, a database from a newer version of the dashboard', async () => {
    const dir = tempDir('sqlite-history-')
    await opened(openSqliteHistoryStore(dir))
    const extra = { name: '9000_future', sqlite: ['CREATE TABLE future (x)'], postgres: [] }
    ;(
      await opened(openSqliteHistoryStore(dir, { migrations: historyMigrations('sqlite', [...HISTORY_STEPS, extra]) }))
    ).close()
    const result = await failed(openSqliteHistoryStore(dir))
    expect(result.message).toContain('newer')
    expect(migrationsRun(join(dir, HISTORY_FILE))).toEqual([...ALL_STEPS, extra.name])
  })

  it('refuses, untouched, a pre-Kysely database from a newer version (user_version past the known ones)', async () => {
    const dir = tempDir('sqlite-history-')
    const path = join(dir, HISTORY_FILE)
    legacyDatabase(path, LEGACY_SQLITE_VERSIONS).close()
    const db = new Database(path)
    db.pragma(`user_version = ${LEGACY_SQLITE_VERSIONS + 1}`)
    db.close()
    const result = await failed(openSqliteHistoryStore(dir))
    expect(result.message).toContain('newer')
    expect(userVersion(path)).toBe(LEGACY_SQLITE_VERSIONS + 1)
  })
})

describe('a history that cannot be opened', () => {
  it('reports a corrupt file, saying to move it aside', async () => {
    const dir = tempDir('sqlite-history-')
    writeFileSync(
      join(dir, HISTORY_FILE),
      'this is not a database, just some text that happens to be here\n'.repeat(100),
    )
    const result = await failed(openSqliteHistoryStore(dir))
    expect(result.message).toContain('is not a readable SQLite database')
    expect(result.message).toContain('Move the file aside')
    expect(result.reason).toBe('its database file is damaged')
  })

  it('reports a DATA_DIR that cannot be a directory (a file is in the way)', async () => {
    const file = join(tempDir('sqlite-history-'), 'not-a-directory')
    writeFileSync(file, 'x')
    for (const dataDir of [file, join(file, 'data')]) {
      const result = await failed(openSqliteHistoryStore(dataDir))
      expect(result.message).toContain('cannot be written')
      expect(result.message).toContain('DATA_DIR')
    }
  })

  it.skipIf(process.getuid?.() === 0)('reports a DATA_DIR this user cannot write', async () => {
    const dir = tempDir('sqlite-history-')
    mkdirSync(join(dir, 'data'))
    chmodSync(join(dir, 'data'), 0o555)
    const result = await failed(openSqliteHistoryStore(join(dir, 'data')))
    expect(result.message).toContain('cannot be written')
    chmodSync(join(dir, 'data'), 0o755)
  })

  it.each([
    ['corrupt', (dir: string) => writeFileSync(join(dir, HISTORY_FILE), Buffer.alloc(4096, 7))],
    ['in the way of', (dir: string) => mkdirSync(join(dir, HISTORY_FILE))],
  ])(
    'with the file %s: one log line, the live catalogue still served, history endpoints 503 in the error shape',
    async (_what, spoil) => {
      const dir = tempDir('sqlite-history-')
      spoil(dir)
      const logger = createCapturingLogger()
      const history = await openHistoryOrReport(dir, logger)
      expect(logger.lines).toHaveLength(1)
      expect(logger.lines[0]).toContain(join(dir, HISTORY_FILE))

      const { app, listPage } = createTestApp({ history })
      expect((await listPage()).data.length).toBeGreaterThan(0)
      for (const path of ['/api/changes', '/api/seen', '/feed.xml']) {
        const response = await app.request(path)
        expect(response.status, path).toBe(503)
        const body = await readError(response)
        expect(body.error.type).toBe('api_error')
        expect(body.error.message).toContain('catalogue history is unavailable')
        // The answer says what is wrong, not where the server keeps its files.
        expect(body.error.message).not.toContain(dir)
      }
    },
  )
})
