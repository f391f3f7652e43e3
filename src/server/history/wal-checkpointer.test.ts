import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/history-fixtures'
import { startWalCheckpointer } from './wal-checkpointer'

const open: Database.Database[] = []
afterEach(() => open.splice(0).forEach((db) => db.close()))

/** A database in WAL mode with a log to copy, as the history store leaves it after a walk. */
function walDatabase(): { path: string; db: Database.Database } {
  const path = join(tempDir('wal-checkpointer-'), 'history.sqlite')
  const db = new Database(path)
  open.push(db)
  db.pragma('journal_mode = WAL')
  db.pragma('wal_autocheckpoint = 0')
  db.exec('CREATE TABLE walk (n INTEGER)')
  const insert = db.prepare('INSERT INTO walk VALUES (?)')
  db.transaction(() => {
    for (let n = 0; n < 20_000; n += 1) insert.run(n)
  })()
  return { path, db }
}

/** Leaving WAL mode takes the only connection: it says whether the checkpointer's is still open. */
const aloneOn = (db: Database.Database) => db.pragma('journal_mode = DELETE', { simple: true }) === 'delete'

describe('startWalCheckpointer', () => {
  it('has its connection closed when close() returns, even right after a checkpoint was asked', async () => {
    const { path, db } = walDatabase()
    const checkpointer = startWalCheckpointer(path)
    checkpointer.checkpoint()
    // The rows reach the database file only by the worker's checkpoint: then its connection is open.
    const before = statSync(path).size
    await expect.poll(() => statSync(path).size).toBeGreaterThan(before + 100_000)
    expect(() => aloneOn(db)).toThrow(/locked/)

    checkpointer.close()
    expect(aloneOn(db)).toBe(true)
  })

  it('closes at once when its worker is gone, and asks nothing of it afterwards', () => {
    const { path, db } = walDatabase()
    const checkpointer = startWalCheckpointer(path)
    checkpointer.close()
    checkpointer.close()
    checkpointer.checkpoint()
    expect(aloneOn(db)).toBe(true)
  })

  // A checkpoint that fails (its files removed) in a thread being ended aborts the process (better-sqlite3:
  // "FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal", exit 134), and a process ends its threads as it exits.
  // It took a vitest worker down in CI: a test's clean-up removed the directory right after close(). Without the
  // wait in close(), about one run in four here aborts; with it, none can.
  it('lets the process remove the database and exit cleanly right after close(), a checkpoint asked for', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli')
    for (const delayMs of [0, 0, 5, 5]) {
      // The child removes it.
      const dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-exit-'))
      const child = spawnSync(process.execPath, [tsx, 'src/testing/exit-after-checkpoint.ts', dir, String(delayMs)], {
        encoding: 'utf8',
        timeout: 30_000,
      })
      expect({ delayMs, status: child.status, stderr: child.stderr }).toEqual({ delayMs, status: 0, stderr: '' })
    }
  }, 90_000)
})
