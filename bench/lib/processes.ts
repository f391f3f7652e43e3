import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUILT_SERVER = `${ROOT}dist/server/main.js`
const BUILT_FAKE_UPSTREAM = `${ROOT}dist/server/fake-upstream.js`
const READY_TIMEOUT_MS = 30_000

/**
 * The options `npm run serve` gives node (the heap's ceiling), read from
 * package.json so that a check of "the settings an operator gets" uses them.
 */
export const SERVE_NODE_ARGS: readonly string[] = (() => {
  const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { serve: string } }
  const [node, ...rest] = scripts.serve.split(/\s+/)
  if (node !== 'node' || rest.at(-1) !== 'dist/server/main.js')
    throw new Error(`Unexpected serve script: ${scripts.serve}`)
  return rest.slice(0, -1)
})()

/**
 * The walk's ceilings raised for a fake catalogue of `models` synthetic
 * models (about 1 KB each): the defaults refuse a catalogue past 20k models
 * or 32 MiB, so that the server's memory stays under its documented ceiling.
 */
export function ceilingsFor(models: number): Record<string, string> {
  return { WALK_MAX_MODELS: String(models), UPSTREAM_MAX_WALK_BYTES: String(models * 2048) }
}

/** The key the benchmark's fake upstream accepts and its servers send. */
export const BENCH_UPSTREAM_KEY = 'sk-ant-bench-key-0123456789'

export interface OutputLine {
  stream: 'stdout' | 'stderr'
  text: string
}

export interface RunningProcess {
  readonly pid: number
  readonly url: string
  /** Every line the process wrote, in order. */
  readonly output: readonly OutputLine[]
  /** Settles when the process ends, however it ends. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resident set size from /proc, in bytes. */
  rssBytes(): number
  /** CPU time used so far (user + system) from /proc, in seconds. */
  cpuSeconds(): number
}

// Only what Node needs: a variable of the caller's shell (a real ANTHROPIC_API_KEY!) must not change a run.
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const kept = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']
  const base = Object.fromEntries(kept.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])))
  return { ...base, ...extra }
}

/** Starts `node <args>` and resolves once it prints the URL it listens on. */
export async function startNode(
  args: readonly string[],
  { env, host = '127.0.0.1', port }: { env: Record<string, string>; host?: string; port: number },
): Promise<RunningProcess> {
  const url = `http://${host}:${port}`
  const child = spawn(process.execPath, args, { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  const output: OutputLine[] = []
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in time`)), READY_TIMEOUT_MS)
    collectLines(child, output, (line) => {
      if (line.stream === 'stdout' && line.text.includes(url)) {
        clearTimeout(timer)
        resolve()
      }
    })
    void exited.then(({ code }) => {
      clearTimeout(timer)
      const said = output.map((line) => line.text).join('\n')
      reject(new Error(`${args.join(' ')} exited with ${code} before listening:\n${said}`))
    })
  })
  await ready
  return {
    pid: child.pid!,
    url,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
    rssBytes: () => rssOf(child.pid!),
    cpuSeconds: () => cpuOf(child.pid!),
  }
}

function collectLines(child: ChildProcess, output: OutputLine[], onLine: (line: OutputLine) => void): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    let pending = ''
    child[stream]!.setEncoding('utf8')
    child[stream]!.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n')
      pending = parts.pop()!
      for (const text of parts) {
        const line = { stream, text }
        output.push(line)
        onLine(line)
      }
    })
    child[stream]!.on('end', () => {
      if (pending) output.push({ stream, text: pending })
    })
  }
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
  if (!kilobytes) throw new Error(`No VmRSS in /proc/${pid}/status`)
  return Number(kilobytes) * 1024
}

// Linux counts CPU time in clock ticks of 1/100 s (USER_HZ) on every common architecture.
const TICKS_PER_SECOND = 100

function cpuOf(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

function assertBuilt(): void {
  if (!existsSync(BUILT_SERVER) || !existsSync(BUILT_FAKE_UPSTREAM)) {
    throw new Error('The built server is missing: run "npm run build" first (npm run bench and npm run soak do).')
  }
}

/** The built fake Anthropic API with `models` synthetic models (the demo line-up when not given). */
export function startFakeUpstream({ port, models }: { port: number; models?: number }): Promise<RunningProcess> {
  assertBuilt()
  return startNode([BUILT_FAKE_UPSTREAM], {
    port,
    env: {
      FAKE_UPSTREAM_PORT: String(port),
      FAKE_UPSTREAM_KEY: BENCH_UPSTREAM_KEY,
      ...(models ? { DEMO_MODELS: String(models) } : {}),
    },
  })
}

/** The built server in live mode against `upstreamUrl`, with `env` on top (TTL, timeouts…). */
export async function startBuiltServer({
  port,
  upstreamUrl,
  env = {},
  nodeArgs = [],
}: {
  port: number
  upstreamUrl: string
  env?: Record<string, string>
  /** Options for node itself, e.g. --cpu-prof when looking into a figure. */
  nodeArgs?: readonly string[]
}): Promise<RunningProcess> {
  assertBuilt()
  // A data directory of its own: a run never writes into ./data, nor reads what another left there.
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-data-'))
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true })
  try {
    const server = await startNode([...nodeArgs, BUILT_SERVER], {
      port,
      env: {
        PORT: String(port),
        ANTHROPIC_API_KEY: BENCH_UPSTREAM_KEY,
        ANTHROPIC_BASE_URL: upstreamUrl,
        DATA_DIR: dataDir,
        ...env,
      },
    })
    void server.exited.then(removeDataDir)
    return server
  } catch (error) {
    removeDataDir()
    throw error
  }
}
