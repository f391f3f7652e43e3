// A process that asks for a checkpoint of a large log, closes the checkpointer, then removes the database's
// directory and exits at once, as a test's clean-up does: wal-checkpointer.test.ts expects it to exit 0. Its
// arguments are the directory and the delay in ms.
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { startWalCheckpointer } from '../server/history/wal-checkpointer'

const dir = process.argv[2]!
const path = join(dir, 'history.sqlite')
const db = new Database(path)
db.pragma('journal_mode = WAL')
db.pragma('wal_autocheckpoint = 0')
db.exec('CREATE TABLE walk (n INTEGER, name TEXT)')
const insert = db.prepare('INSERT INTO walk VALUES (?, ?)')
db.transaction(() => {
  for (let n = 0; n < 200_000; n += 1) insert.run(n, `Claude model ${n} ${'x'.repeat(40)}`)
})()
const checkpointer = startWalCheckpointer(path)
checkpointer.checkpoint()
checkpointer.checkpoint()
db.close()
checkpointer.close()
// A few ms later, as a test's clean-up: by then the checkpoint is running, if close() did not wait for its end.
setTimeout(() => {
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}, Number(process.argv[3]))
