import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// The worker's whole program: its own connection, a PASSIVE checkpoint on each message.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 5000')
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch { /* the next walk asks again */ }
})
`

export interface WalCheckpointer {
  /** Asks for a checkpoint; it runs on the worker's thread. */
  checkpoint(): void
  /** Closes the worker's connection and ends the worker. */
  close(): void
}

/**
 * Copies the write-ahead log into the database on a worker thread. SQLite's own
 * automatic checkpoint runs inside the COMMIT that crosses 1,000 pages: after a
 * walk of 100k models that is ~200 ms on the event loop. The store turns it off
 * and asks this worker after each walk instead; a PASSIVE checkpoint never waits
 * for, nor blocks, the store's own connection.
 */
export function startWalCheckpointer(path: string): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver } })
  // A checkpointer that is not there only lets the log grow until the next start: never a reason to stop.
  worker.on('error', () => {})
  worker.unref()
  return {
    checkpoint: () => worker.postMessage('checkpoint'),
    close: () => worker.postMessage('close'),
  }
}
