import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// The worker's whole program: its own connection, a PASSIVE checkpoint on each message, and a close that says when
// it is done.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 5000')
parentPort.on('message', (message) => {
  if (message !== 'checkpoint') {
    db.close()
    Atomics.store(message, 0, 1)
    Atomics.notify(message, 0)
    parentPort.close()
    return
  }
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch { /* the next walk asks again */ }
})
`

// How long close() waits for a checkpoint in progress to end and the connection to close (a PASSIVE checkpoint
// after a walk of 100k models takes about 200 ms). Less than the history thread waits for its own close
// (sqlite-history-thread.ts), which ends this one with it.
const CLOSE_WAIT_MS = 1_500

export interface WalCheckpointer {
  /** Asks for a checkpoint; it runs on the worker's thread. */
  checkpoint(): void
  /**
   * Closes the worker's connection, waiting (at most CLOSE_WAIT_MS) until it is closed. A thread ended while
   * SQLite works in it takes the whole process down (better-sqlite3 cannot throw into a thread being ended), and
   * the process ends its threads as it exits: right after close(), from a SIGTERM or a test's end.
   */
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
  let running = true
  // A checkpointer that is not there only lets the log grow until the next start: never a reason to stop.
  worker.on('error', () => (running = false)).on('exit', () => (running = false))
  worker.unref()
  return {
    checkpoint: () => {
      if (running) worker.postMessage('checkpoint')
    },
    close: () => {
      if (!running) return
      running = false
      const closed = new Int32Array(new SharedArrayBuffer(4))
      worker.postMessage(closed)
      // Synchronous: the store's close runs from the process's 'exit' too, where nothing asynchronous does.
      Atomics.wait(closed, 0, 0, CLOSE_WAIT_MS)
    },
  }
}
