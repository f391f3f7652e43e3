import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../logger'
import { yieldToEventLoop } from '../work-in-steps'
import {
  type HistoryRetention,
  type HistoryStore,
  HistoryUnavailableError,
  type RecordedWalk,
  type SeenPage,
  unavailableHistoryStore,
  type WalkModel,
} from './history-store'
import type { DoneValue, FromWorker, ToWorker, WorkerStart } from './history-worker-protocol'
import { PART_SIZE } from './history-worker-protocol'
import { HISTORY_FILE, type OpenResult } from './sqlite-history-store'

const WORKER_NAME = 'sqlite-history-worker'
// How long close() waits for the worker to roll back and close the database: one statement in progress ends first.
const CLOSE_WAIT_MS = 2_000

/**
 * Starts the worker: the built file beside this one in dist/server, or from
 * the sources (tests, the dev server) through tsx, which a thread needs
 * registered anew.
 */
function startWorker(start: WorkerStart): Worker {
  const fromSources = import.meta.url.endsWith('.ts')
  const file = `./${WORKER_NAME}${fromSources ? '.ts' : '.js'}`
  const entry = new URL(file, import.meta.url)
  if (!fromSources) return new Worker(entry, { workerData: start })
  const bootstrap = `
    const { workerData } = require('node:worker_threads')
    import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry) })
  `
  return new Worker(bootstrap, { eval: true, workerData: { ...start, tsx: tsxApiUrl(), entry: entry.href } })
}

/** tsx's ESM API, as its own package's exports name it (require.resolve would give its CommonJS form). */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } }
  }
  return pathToFileURL(join(dirname(manifest), exports['./esm/api'].import.default)).href
}

interface Waiting {
  resolve: (value: DoneValue) => void
  reject: (error: Error) => void
}

/**
 * Opens DATA_DIR/history.sqlite on a worker thread (sqlite-history-worker.ts)
 * and gives a store that asks it. The store itself is the same as on this
 * thread (openSqliteHistoryStore); what differs is that its work, a write of
 * 100k models included, never holds the server's event loop: this side only
 * copies a walk over, PART_SIZE models at a time with the loop free between
 * parts, and takes each answer back in one message, a bounded page at most.
 */
export async function openSqliteHistoryOnWorker(
  dataDir: string,
  options: { retention?: HistoryRetention } = {},
): Promise<OpenResult> {
  const path = join(resolve(dataDir), HISTORY_FILE)
  let worker: Worker
  try {
    worker = startWorker({ dataDir, ...(options.retention ? { retention: options.retention } : {}) })
  } catch (error) {
    return threadFailure(path, error)
  }
  const opened = await new Promise<FromWorker & { kind: 'opened' }>((settle) => {
    const onMessage = (message: FromWorker) => done(message.kind === 'opened' ? message : null)
    const onError = (error: unknown) => done({ kind: 'opened', ...threadFailure(path, error) })
    const onExit = (code: number) => done({ kind: 'opened', ...threadFailure(path, `it exited (${code})`) })
    function done(message: (FromWorker & { kind: 'opened' }) | null) {
      if (!message) return
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      settle(message)
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
  })
  if (!opened.ok) {
    void worker.terminate()
    return { ok: false, path: opened.path, message: opened.message, reason: opened.reason }
  }
  return { ok: true, store: storeOnWorker(worker), path }
}

function threadFailure(path: string, error: unknown): OpenResult & { ok: false } {
  const detail = error instanceof Error ? error.message : String(error)
  return {
    ok: false,
    path,
    message: `Catalogue history is off: ${path} could not be opened, as the history's worker thread failed (${detail}). Check the server's installation (better-sqlite3) and restart; until then the dashboard serves the live catalogue without its history.`,
    reason: 'its database could not be opened',
  }
}

function storeOnWorker(worker: Worker): HistoryStore {
  const waiting = new Map<number, Waiting>()
  let nextId = 0
  let closed = false
  // Every call's messages go out after the previous call's: the worker's store then sees calls in the order made.
  let posting: Promise<void> = Promise.resolve()
  // Held (ref'd) only while an answer is awaited, so an idle store never keeps a process alive.
  worker.unref()

  const stopping = () => new HistoryUnavailableError('the server is stopping')
  const post = (message: ToWorker) => {
    if (!closed) worker.postMessage(message)
  }
  const settleAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'opened') return
    const found = waiting.get(message.id)
    if (!found) return
    waiting.delete(message.id)
    if (waiting.size === 0) worker.unref()
    if (message.kind === 'done') found.resolve(message.value)
    else found.reject(message.unavailable ? new HistoryUnavailableError(message.message) : new Error(message.message))
  })
  worker.on('error', () => {
    closed = true
    settleAll(new HistoryUnavailableError("its worker thread failed; the server's log has the reason at start"))
  })
  worker.on('exit', () => {
    closed = true
    settleAll(stopping())
  })

  /** Sends a call's messages (after the previous call's) and waits for its answer. */
  function ask(messages: (id: number) => AsyncIterable<ToWorker> | Iterable<ToWorker>) {
    if (closed) return Promise.reject(stopping())
    const id = (nextId += 1)
    const answered = new Promise<DoneValue>((resolve, reject) => {
      if (waiting.size === 0) worker.ref()
      waiting.set(id, { resolve, reject })
    })
    posting = posting.then(async () => {
      for await (const message of messages(id)) post(message)
    })
    return answered
  }

  async function* walkMessages(id: number, models: readonly WalkModel[], last: ToWorker): AsyncIterable<ToWorker> {
    for (let start = 0; start < models.length; start += PART_SIZE) {
      // Copying a part takes ~1 ms; the loop runs between parts.
      if (start > 0) await yieldToEventLoop()
      const part = models.slice(start, start + PART_SIZE)
      yield {
        kind: 'walk-part',
        id,
        models: part.map((model) => [model.id, model.display_name, model.lifecycle ?? null]),
      }
    }
    yield last
  }

  return {
    engine: 'sqlite',
    async recordWalk(workspace, models, at, options = {}): Promise<RecordedWalk> {
      return (await ask((id) =>
        walkMessages(id, models, { kind: 'record-walk', id, workspace, at, options }),
      )) as RecordedWalk
    },
    changes: async (query) =>
      (await ask((id) => [{ kind: 'changes', id, query }])) as Awaited<ReturnType<HistoryStore['changes']>>,
    seen: async (query) => (await ask((id) => [{ kind: 'seen', id, query }])) as SeenPage,
    workspace: async (workspace) =>
      (await ask((id) => [{ kind: 'workspace', id, workspace }])) as Awaited<ReturnType<HistoryStore['workspace']>>,
    status: async () => {
      if (closed) return { engine: 'sqlite', reachable: false }
      return (await ask((id) => [{ kind: 'status', id }])) as Awaited<ReturnType<HistoryStore['status']>>
    },
    close() {
      if (closed) return
      closed = true
      const done = new Int32Array(new SharedArrayBuffer(4))
      worker.postMessage({ kind: 'close', closed: done } satisfies ToWorker)
      // Called from the process's 'exit' too, where nothing asynchronous runs: wait here until it is closed.
      Atomics.wait(done, 0, 0, CLOSE_WAIT_MS)
      settleAll(stopping())
      worker.unref()
    },
  }
}

/**
 * The store start-server.ts gives the app: the SQLite history on its worker
 * thread, or when it cannot be opened, one line in the log and a store whose
 * endpoints answer 503 saying so, while the catalogue itself is served as usual.
 */
export async function openHistoryOrReport(
  dataDir: string,
  logger: Logger,
  options: { retention?: HistoryRetention } = {},
): Promise<HistoryStore> {
  const opened = await openSqliteHistoryOnWorker(dataDir, options)
  if (opened.ok) return opened.store
  logger.error(opened.message)
  return unavailableHistoryStore('sqlite', opened.reason)
}
