import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** Holds the pid of the server using DATA_DIR; removed when it stops. */
export const LOCK_FILE = 'server.lock'

export type DataDirLock = { ok: true; release: () => void } | { ok: false; message: string }

const codeOf = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? 'unknown error')

/**
 * Creates a directory and its missing parents one level at a time. Node's
 * recursive mkdirSync spins forever on some paths it cannot create
 * (DATA_DIR=/proc/self/x took 83% of a CPU with no word); this fails at once.
 */
export function createDirectory(dir: string): void {
  const missing: string[] = []
  for (let current = resolve(dir); !existsSync(current); current = dirname(current)) {
    missing.unshift(current)
    if (dirname(current) === current) break
  }
  for (const path of missing) mkdirSync(path)
  if (!statSync(resolve(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
}

function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists, under another user.
    return codeOf(error) === 'EPERM'
  }
}

/**
 * Makes sure DATA_DIR exists and that this server is the only one using it:
 * two servers writing one history would record every change twice. A lock
 * left by a server that did not stop cleanly (its pid no longer runs, or is
 * this very process, as after a container restart) is taken over.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  const dir = resolve(dataDir)
  try {
    createDirectory(dir)
  } catch (error) {
    return {
      ok: false,
      message: `DATA_DIR ${dir} cannot be created (${codeOf(error)}). Set DATA_DIR to a directory this user can create or write, and start again.`,
    }
  }
  const path = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, `${pid}\n`)
      closeSync(fd)
      return { ok: true, release: () => holderOf(path) === pid && rmSync(path, { force: true }) }
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') {
        return {
          ok: false,
          message: `DATA_DIR ${dir} cannot be written (${codeOf(error)}). Make it a directory this user can write, or set DATA_DIR to one, and start again.`,
        }
      }
      const holder = holderOf(path)
      if (holder !== null && holder !== pid && isRunning(holder)) {
        return {
          ok: false,
          message: `Another dashboard server (pid ${holder}) is using DATA_DIR ${dir}. Stop it, or give this server its own DATA_DIR, and start again.`,
        }
      }
      rmSync(path, { force: true })
    }
  }
  return { ok: false, message: `DATA_DIR ${dir}: ${LOCK_FILE} could not be taken over. Remove it and start again.` }
}
