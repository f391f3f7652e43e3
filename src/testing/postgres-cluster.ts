import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temp dir, pg_ctl on a
 * free loopback port, removed again by stop() and, should the process end
 * without it, by an exit handler. As root it runs as the `postgres` user,
 * since the server refuses root.
 */
export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:port/postgres */
  url: string
  port: number
  /** A URL for another database on the cluster. */
  urlOf(database: string): string
  stop(): void
  /** Stops the server (fast shutdown) and starts it again on the same port: the tests' database outage. */
  pause(): void
  resume(): void
}

/** initdb and pg_ctl: on PATH, or in Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinaries(): { initdb: string; pgCtl: string } | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()
  if (onPath) return { initdb: onPath, pgCtl: join(onPath, '..', 'pg_ctl') }
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
  return version ? { initdb: join(root, version, 'bin', 'initdb'), pgCtl: join(root, version, 'bin', 'pg_ctl') } : null
}

/** A loopback port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binaries = postgresBinaries()
  if (!binaries) {
    throw new Error(
      "PostgreSQL's initdb was not found (on PATH or in /usr/lib/postgresql/*/bin). Install Debian's postgresql package (apt-get install postgresql) to run the PostgreSQL tests.",
    )
  }
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'history-pg-'))
  const owner = asRoot ? postgresUser() : null
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const data = join(dir, 'data')
  const run = (binary: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'pipe' })
      : execFileSync(binary, args, { stdio: 'pipe' })
  const port = await freePort()
  let running = false
  const stopNow = () => {
    if (running) {
      running = false
      try {
        run(binaries.pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w'])
      } catch {
        // Already gone: the directory still goes.
      }
    }
  }
  const remove = () => {
    stopNow()
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', remove)
  const start = () => {
    run(binaries.pgCtl, [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-p ${port} -h 127.0.0.1 -k ${dir} -F -c max_connections=200`,
    ])
    running = true
  }
  try {
    run(binaries.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    start()
  } catch (error) {
    remove()
    process.removeListener('exit', remove)
    throw error
  }
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`
  return {
    url: urlOf('postgres'),
    port,
    urlOf,
    stop: () => {
      remove()
      process.removeListener('exit', remove)
    },
    pause: () => {
      run(binaries.pgCtl, ['stop', '-D', data, '-m', 'fast', '-w'])
      running = false
    },
    resume: start,
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}
