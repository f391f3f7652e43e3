import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { HistoryUnavailableError, type HistoryStore, type WalkModel } from './history-store'
import type { DoneValue, FromWorker, ToWorker, WorkerStart } from './history-worker-protocol'
import { type OpenResult, openSqliteHistoryStore } from './sqlite-history-store'

/**
 * The history's worker thread (started by sqlite-history-thread.ts): the
 * SQLite store runs here, its diff, its queries and its garbage included, so a
 * walk that changes 100k models costs the server's event loop only the
 * copying of its models over, a part at a time.
 */

/**
 * Writing the history can wait; answering requests cannot. On a machine whose
 * cores are busy, this thread (nice 10) lets the server's thread run first.
 */
function yieldCoresToTheServer(): void {
  try {
    // Linux names this thread's own id here; setpriority on it concerns this thread alone.
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1))
    setPriority(threadId, THREAD_NICENESS)
  } catch {
    // Not Linux, or not allowed: the thread runs at the server's priority, which is only slower to yield.
  }
}
const THREAD_NICENESS = 10

yieldCoresToTheServer()
const port = parentPort!
const send = (message: FromWorker) => port.postMessage(message)
const start = workerData as WorkerStart
const opening: Promise<OpenResult> = openSqliteHistoryStore(start.dataDir, { retention: start.retention })
// A walk's models, as their parts arrive, until its record-walk message.
const walks = new Map<number, WalkModel[]>()

function failed(id: number, error: unknown): void {
  const unavailable = error instanceof HistoryUnavailableError
  const message = unavailable ? error.reason : error instanceof Error ? error.message : String(error)
  send({ kind: 'failed', id, unavailable, message })
}

function answer(store: HistoryStore, message: Exclude<ToWorker, { kind: 'walk-part' | 'close' }>): void {
  const { id } = message
  const done = (value: DoneValue) => send({ kind: 'done', id, value })
  const asked = (() => {
    switch (message.kind) {
      case 'record-walk': {
        const models = walks.get(id) ?? []
        walks.delete(id)
        return store.recordWalk(message.workspace, models, message.at, message.options).then(done)
      }
      case 'changes':
        return store.changes(message.query).then(done)
      case 'seen':
        return store.seen(message.query).then(done)
      case 'workspace':
        return store.workspace(message.workspace).then(done)
      case 'status':
        return store.status().then(done)
    }
  })()
  asked.catch((error: unknown) => failed(id, error))
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'walk-part') {
    const models = walks.get(message.id) ?? []
    for (const [id, displayName, lifecycle] of message.models) models.push({ id, display_name: displayName, lifecycle })
    walks.set(message.id, models)
    return
  }
  // Messages are handled in the order they came: each waits for the same opening.
  void opening.then((opened) => {
    if (message.kind === 'close') {
      if (opened.ok) opened.store.close()
      Atomics.store(message.closed, 0, 1)
      Atomics.notify(message.closed, 0)
      port.close()
      return
    }
    if (opened.ok) answer(opened.store, message)
    else failed(message.id, new HistoryUnavailableError(opened.reason))
  })
})

void opening.then((opened) => {
  send(opened.ok ? { kind: 'opened', ok: true, path: opened.path } : { kind: 'opened', ...opened })
})
