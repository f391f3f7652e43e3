import { type ChildProcess, spawn } from 'node:child_process'
import { expect } from '@playwright/test'
import { freePort } from '../../src/testing/postgres-cluster'
import { E2E_UPSTREAM_KEY } from './ports'

// Built servers (replicas, a fake upstream) started by a spec itself, for the specs of several replicas on one PostgreSQL.

export interface Started {
  child: ChildProcess
  output: () => string
}

/** Every process these helpers started, for the spec's afterAll to end. */
export const children: ChildProcess[] = []

export function startProcess(script: string, env: Record<string, string>): Started {
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

export function killChildren(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL')
}

/** A fake upstream of its own on a free port; returns its port. */
export async function startUpstream(): Promise<number> {
  const port = await freePort()
  const upstream = startProcess('dist/server/fake-upstream.js', {
    FAKE_UPSTREAM_PORT: String(port),
    FAKE_UPSTREAM_KEY: E2E_UPSTREAM_KEY,
  })
  await expect.poll(() => upstream.output(), { timeout: 15_000 }).toContain(String(port))
  return port
}

export const models = (ids: string[]) =>
  ids.map((id) => ({ id, type: 'model', display_name: id.toUpperCase(), created_at: '2026-01-01T00:00:00Z' }))

/** A replica (the built server) on a free port, on the given database and upstream, walking every second; its URL once ready. */
export async function startReplica(databaseUrl: string, upstreamPort: number): Promise<string> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = startProcess('dist/server/main.js', {
    PORT: String(port),
    ANTHROPIC_API_KEY: E2E_UPSTREAM_KEY,
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${upstreamPort}`,
    UPSTREAM_MAX_RETRIES: '0',
    CATALOGUE_TTL_SECONDS: '1',
    DATABASE_URL: databaseUrl,
    // The balancer's address, which the feed's links name: the same on every replica.
    PUBLIC_URL: 'http://dashboard.test',
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    DATABASE_STATEMENT_TIMEOUT_MS: '3000',
  })
  await expect.poll(() => started.output(), { timeout: 20_000 }).toContain(url)
  await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 20_000 }).toBe(200)
  return url
}

export interface ChangeRow {
  id: number
  kind: string
  model_id: string
  before?: string
  after?: string
}

export async function changesOf(url: string): Promise<{ status: number; data: ChangeRow[]; text: string }> {
  const response = await fetch(`${url}/api/changes?limit=1000`)
  const text = await response.text()
  return { status: response.status, data: response.ok ? (JSON.parse(text) as { data: ChangeRow[] }).data : [], text }
}

export const summary = (rows: ChangeRow[]) => rows.map((row) => `${row.kind} ${row.model_id}`)
export const feedOf = async (url: string) => (await fetch(`${url}/feed.xml?limit=1000`)).text()
