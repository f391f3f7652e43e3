import { type ChildProcess, spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { freePort, type PostgresCluster, startPostgresCluster } from '../src/testing/postgres-cluster'
import { fakeUpstreamAt } from './support/fake-upstream'
import { E2E_UPSTREAM_KEY } from './support/ports'

// Two (then three) built servers on one PostgreSQL, against one fake upstream whose catalogue changes:
// one history, recorded once, served the same by every replica, and lists served while the database is down.

interface Started {
  child: ChildProcess
  output: () => string
}

const children: ChildProcess[] = []

function start(script: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { child, output: () => output }
}

const models = (ids: string[]) =>
  ids.map((id) => ({ id, type: 'model', display_name: id.toUpperCase(), created_at: '2026-01-01T00:00:00Z' }))

let cluster: PostgresCluster
let upstreamPort = 0

async function replica(): Promise<string> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = start('dist/server/main.js', {
    PORT: String(port),
    ANTHROPIC_API_KEY: E2E_UPSTREAM_KEY,
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${upstreamPort}`,
    UPSTREAM_MAX_RETRIES: '0',
    CATALOGUE_TTL_SECONDS: '1',
    DATABASE_URL: cluster.url,
    // The balancer's address, which the feed's links name: the same on every replica.
    PUBLIC_URL: 'http://dashboard.test',
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    DATABASE_STATEMENT_TIMEOUT_MS: '3000',
  })
  await expect.poll(() => started.output(), { timeout: 20_000 }).toContain(url)
  await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 20_000 }).toBe(200)
  return url
}

interface ChangeRow {
  id: number
  kind: string
  model_id: string
}

async function changesOf(url: string): Promise<{ status: number; data: ChangeRow[]; text: string }> {
  const response = await fetch(`${url}/api/changes?limit=1000`)
  const text = await response.text()
  return { status: response.status, data: response.ok ? (JSON.parse(text) as { data: ChangeRow[] }).data : [], text }
}

const summary = (rows: ChangeRow[]) => rows.map((row) => `${row.kind} ${row.model_id}`)
const feedOf = async (url: string) => (await fetch(`${url}/feed.xml?limit=1000`)).text()
/** Both walk now, at the same moment (a forced refresh each). */
const walkTogether = (urls: string[]) => Promise.all(urls.map((url) => fetch(`${url}/api/models?refresh=1`)))

test.describe('replicas on one PostgreSQL', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeAll(async () => {
    cluster = await startPostgresCluster()
    upstreamPort = await freePort()
    const upstream = start('dist/server/fake-upstream.js', {
      FAKE_UPSTREAM_PORT: String(upstreamPort),
      FAKE_UPSTREAM_KEY: E2E_UPSTREAM_KEY,
    })
    await expect.poll(() => upstream.output(), { timeout: 15_000 }).toContain(String(upstreamPort))
    await fakeUpstreamAt(upstreamPort).models(models(['a', 'b', 'c']))
  })

  test.afterAll(() => {
    for (const child of children) child.kill('SIGKILL')
    cluster?.stop()
  })

  test('serve one history, each change recorded once, the same feed byte for byte, lists while the database is down', async () => {
    const upstream = fakeUpstreamAt(upstreamPort)
    const [first, second] = [await replica(), await replica()]
    await expect.poll(async () => (await changesOf(first)).status).toBe(200)

    // Both walk at the same moment after the catalogue changed.
    await upstream.models(models(['d', 'a', 'b']))
    await new Promise((resolve) => setTimeout(resolve, 5_100))
    await walkTogether([first, second])
    await expect.poll(async () => summary((await changesOf(first)).data), { timeout: 20_000 }).toContain('added d')
    // The removal of c needs a second walk without it: both again, at once.
    await new Promise((resolve) => setTimeout(resolve, 5_100))
    await walkTogether([first, second])
    await expect
      .poll(async () => summary((await changesOf(second)).data), { timeout: 20_000 })
      .toEqual(['removed c', 'added d'])
    expect((await changesOf(first)).text).toBe((await changesOf(second)).text)
    expect(await feedOf(first)).toBe(await feedOf(second))

    // A replica started after the change: no second baseline, no "added" for what is known, the same feed.
    const late = await replica()
    await walkTogether([late])
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(summary((await changesOf(late)).data)).toEqual(['removed c', 'added d'])
    expect(await feedOf(late)).toBe(await feedOf(first))

    // The database stops: lists are served, the history answers 503 in the error shape.
    cluster.pause()
    await upstream.models(models(['e', 'd', 'a', 'b']))
    for (const url of [first, second]) {
      await expect
        .poll(async () => ((await (await fetch(`${url}/api/models`)).json()) as { data: unknown[] }).data.length, {
          timeout: 20_000,
        })
        .toBe(4)
      const history = await fetch(`${url}/api/changes`)
      expect(history.status).toBe(503)
      const body = (await history.json()) as { type: string; error: { type: string; message: string } }
      expect(body).toMatchObject({ type: 'error', error: { type: 'api_error' } })
      expect(body.error.message).toContain('catalogue history is unavailable')
      expect((await fetch(`${url}/feed.xml`)).status).toBe(503)
      expect(await (await fetch(`${url}/readyz`)).text()).toContain('history store: postgres, unreachable')
    }

    // It comes back: the walks kept in memory are written, "added e" once, and every replica agrees again.
    cluster.resume()
    await expect
      .poll(async () => summary((await changesOf(first)).data), { timeout: 60_000 })
      .toEqual(['added e', 'removed c', 'added d'])
    await expect.poll(async () => summary((await changesOf(second)).data)).toEqual(['added e', 'removed c', 'added d'])
    await expect.poll(async () => summary((await changesOf(late)).data)).toEqual(['added e', 'removed c', 'added d'])
    expect(await feedOf(second)).toBe(await feedOf(first))
    expect(await feedOf(late)).toBe(await feedOf(first))
  })
})
