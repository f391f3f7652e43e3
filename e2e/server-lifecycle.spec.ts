import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { E2E_PORTS, E2E_UPSTREAM_KEY } from './support/ports'

// The built server as an operator starts it, in processes of its own: locking, failing to start and SIGTERM.

interface Started {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function start(script: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function listening(started: Started, url: string): Promise<void> {
  await expect.poll(() => started.output(), { timeout: 15_000 }).toContain(url)
}

const withinMs = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: over ${ms} ms`)), ms)),
  ])

const upstreamUrl = `http://127.0.0.1:${E2E_PORTS.lifecycleUpstream}`
const running: Started[] = []
let dataDir = ''

function server(port: number, env: Record<string, string> = {}): Started {
  const started = start('dist/server/main.js', {
    PORT: String(port),
    ANTHROPIC_API_KEY: E2E_UPSTREAM_KEY,
    ANTHROPIC_BASE_URL: upstreamUrl,
    UPSTREAM_MAX_RETRIES: '0',
    UPSTREAM_TIMEOUT_MS: '600000',
    DATA_DIR: dataDir,
    ...env,
  })
  running.push(started)
  return started
}

test.describe('the built server starting and stopping', () => {
  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'catalogue-e2e-lifecycle-'))
    // An upstream that never answers: every walk hangs until the server aborts it.
    const upstream = start('dist/server/fake-upstream.js', {
      FAKE_UPSTREAM_PORT: String(E2E_PORTS.lifecycleUpstream),
      FAKE_UPSTREAM_KEY: E2E_UPSTREAM_KEY,
      FAKE_UPSTREAM_FAULT: JSON.stringify({ kind: 'hang' }),
    })
    running.push(upstream)
    await listening(upstream, upstreamUrl)
  })

  test.afterEach(async () => {
    for (const started of running.splice(0)) {
      if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL')
      await started.exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('refuses a second server on the same DATA_DIR with one line, and starts once the first has stopped', async () => {
    const first = server(E2E_PORTS.lifecycle)
    await listening(first, `127.0.0.1:${E2E_PORTS.lifecycle}`)
    const second = server(E2E_PORTS.lifecycleSecond)
    expect(await withinMs(second.exited, 10_000, 'the second server')).toBe(1)
    const lines = second.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`Another dashboard server (pid ${first.child.pid}) is using DATA_DIR`)
    first.child.kill('SIGTERM')
    expect(await withinMs(first.exited, 10_000, 'the first server')).toBe(0)
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false)
    const third = server(E2E_PORTS.lifecycleSecond)
    await listening(third, `127.0.0.1:${E2E_PORTS.lifecycleSecond}`)
  })

  test('fails at once, with one line, on a DATA_DIR that cannot be created', async () => {
    test.skip(process.platform !== 'linux', '/proc is Linux only')
    const started = server(E2E_PORTS.lifecycle, { DATA_DIR: '/proc/self/x' })
    expect(await withinMs(started.exited, 5_000, 'the server')).toBe(1)
    expect(started.output().trim()).toMatch(/^DATA_DIR \/proc\/self\/x cannot be created \(\w+\)\. Set DATA_DIR/)
  })

  test('on SIGTERM answers clients waiting on a hung walk with 503 and Retry-After, and exits 0 in bounded time', async () => {
    const started = server(E2E_PORTS.lifecycle)
    const url = `http://127.0.0.1:${E2E_PORTS.lifecycle}`
    await listening(started, url)
    const waiting = Promise.all([fetch(`${url}/api/models`), fetch(`${url}/api/models?q=opus`)])
    await new Promise((resolve) => setTimeout(resolve, 300))
    const signalledAt = Date.now()
    started.child.kill('SIGTERM')
    const answers = await withinMs(waiting, 5_000, 'the waiting clients')
    for (const answer of answers) {
      expect(answer.status).toBe(503)
      expect(answer.headers.get('retry-after')).toBe('5')
      const body = (await answer.json()) as { type: string; error: { message: string } }
      expect(body.type).toBe('error')
      expect(body.error.message).toContain('The server is stopping')
    }
    expect(await withinMs(started.exited, 10_000, 'the exit')).toBe(0)
    expect(Date.now() - signalledAt).toBeLessThan(5_000)
    expect(started.output()).not.toContain(E2E_UPSTREAM_KEY)
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false)
  })
})
