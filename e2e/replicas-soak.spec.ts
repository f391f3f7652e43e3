import { expect, test } from '@playwright/test'
import { type PostgresCluster, startPostgresCluster } from '../src/testing/postgres-cluster'
import { fakeUpstreamAt } from './support/fake-upstream'
import { type ChangeRow, changesOf, feedOf, killChildren, startReplica, startUpstream } from './support/replicas'

// A short soak: two replicas on one PostgreSQL, one upstream changing every STEP_MS on a fixed timeline,
// steady reads of both, and the database restarted once in the middle. At the end every change the
// upstream made is recorded exactly once, both replicas serve the same bytes, and no list failed.

const STEP_MS = 1_500
const CYCLES = 7
/** After this step the database stops, for OUTAGE_MS; steps go on meanwhile. */
const OUTAGE_AFTER_STEP = 10
const OUTAGE_MS = 4_500

interface UpstreamModel {
  id: string
  display_name: string
  lifecycle: string
}

/**
 * The timeline: a catalogue of 24 models, then per cycle one added, one renamed, one deprecated and
 * one removed. Each model changes once at most, and a removed one never comes back, so every state
 * lasts many walks (the TTL is 1 s): each change is seen, and each removal is confirmed by a second
 * walk without the model. One removal takes 1 of 20+ models, far below the 50 % a walk may lose
 * before it is doubted.
 */
function timeline(): { initial: UpstreamModel[]; steps: UpstreamModel[][]; expected: string[] } {
  const id = (prefix: string, index: number) => `${prefix}${String(index).padStart(2, '0')}`
  let catalogue: UpstreamModel[] = Array.from({ length: 24 }, (_, index) => ({
    id: id('s', index),
    display_name: id('S', index),
    lifecycle: 'active',
  }))
  const initial = catalogue
  const steps: UpstreamModel[][] = []
  const expected: string[] = []
  const change = (modelId: string, next: Partial<UpstreamModel>) =>
    (catalogue = catalogue.map((model) => (model.id === modelId ? { ...model, ...next } : model)))
  for (let cycle = 0; cycle < CYCLES; cycle += 1) {
    const added = id('n', cycle)
    catalogue = [{ id: added, display_name: added.toUpperCase(), lifecycle: 'active' }, ...catalogue]
    expected.push(`added ${added}`)
    steps.push(catalogue)

    const renamed = id('s', cycle)
    change(renamed, { display_name: `${renamed.toUpperCase()} renamed` })
    expected.push(`display_name_changed ${renamed} ${renamed.toUpperCase()} → ${renamed.toUpperCase()} renamed`)
    steps.push(catalogue)

    const deprecated = id('s', 8 + cycle)
    change(deprecated, { lifecycle: 'deprecated' })
    expected.push(`lifecycle_changed ${deprecated} active → deprecated`)
    steps.push(catalogue)

    const removed = id('s', 16 + cycle)
    catalogue = catalogue.filter((model) => model.id !== removed)
    expected.push(`removed ${removed}`)
    steps.push(catalogue)
  }
  return { initial, steps, expected: expected.sort() }
}

const upstreamShape = (catalogue: UpstreamModel[]) =>
  catalogue.map((model) => ({ ...model, type: 'model', created_at: '2026-01-01T00:00:00Z' }))

const described = (row: ChangeRow) =>
  row.before !== undefined ? `${row.kind} ${row.model_id} ${row.before} → ${row.after}` : `${row.kind} ${row.model_id}`

interface Answer {
  url: string
  path: string
  status: number
  startedAt: number
  endedAt: number
  /** What was wrong with the body, if anything. */
  problem: string | null
}

const LIST_PATHS = ['/api/models', '/api/models?limit=5&sort=id']
const HISTORY_PATHS = ['/api/changes?limit=1000', '/feed.xml?limit=1000']

/** Reads one replica in a loop until stopped: lists, changes and the feed in turn. */
async function readSteadily(url: string, answers: Answer[], running: () => boolean): Promise<void> {
  const paths = [LIST_PATHS[0]!, HISTORY_PATHS[0]!, LIST_PATHS[1]!, HISTORY_PATHS[1]!]
  for (let turn = 0; running(); turn += 1) {
    const path = paths[turn % paths.length]!
    const startedAt = Date.now()
    let status = 0
    let problem: string | null = null
    try {
      const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) })
      status = response.status
      problem = bodyProblem(path, status, await response.text())
    } catch (error) {
      problem = `no answer: ${error instanceof Error ? error.message : String(error)}`
    }
    answers.push({ url, path, status, startedAt, endedAt: Date.now(), problem })
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function bodyProblem(path: string, status: number, text: string): string | null {
  if (path.startsWith('/api/models')) {
    if (status !== 200) return `list answered ${status}`
    return (JSON.parse(text) as { data: unknown[] }).data.length > 0 ? null : 'an empty list'
  }
  if (status === 503) {
    if (path.startsWith('/feed.xml')) return null
    const body = JSON.parse(text) as { type?: string; error?: { type?: string; message?: string } }
    return body.type === 'error' && body.error?.type === 'api_error' && body.error.message ? null : `503 body ${text}`
  }
  if (status !== 200) return `history answered ${status}`
  if (path.startsWith('/api/changes')) return null
  return text.includes('<feed') ? null : 'a feed without <feed>'
}

let cluster: PostgresCluster | undefined

test.describe('two replicas on one PostgreSQL, soaked', () => {
  test.describe.configure({ timeout: 110_000 })

  test.afterAll(() => {
    killChildren()
    cluster?.stop()
  })

  test('record every change of a changing upstream exactly once across a database restart, and never fail a list', async () => {
    const { initial, steps, expected } = timeline()
    cluster = await startPostgresCluster()
    const upstreamPort = await startUpstream()
    const upstream = fakeUpstreamAt(upstreamPort)
    await upstream.models(upstreamShape(initial))
    const replicas = [await startReplica(cluster.url, upstreamPort), await startReplica(cluster.url, upstreamPort)]
    // The baseline is written before the first change, or that change would be part of it.
    for (const url of replicas) {
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${url}/api/seen`)).json()) as { history_started_at: string | null })
              .history_started_at,
          { timeout: 20_000 },
        )
        .not.toBeNull()
    }

    const answers: Answer[] = []
    let reading = true
    const readers = replicas.map((url) => readSteadily(url, answers, () => reading))

    let outage: { from: number; to: number } | null = null
    const startedAt = Date.now()
    for (const [index, catalogue] of steps.entries()) {
      const due = startedAt + (index + 1) * STEP_MS
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())))
      await upstream.models(upstreamShape(catalogue))
      if (index === OUTAGE_AFTER_STEP) {
        cluster.pause()
        const from = Date.now()
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS))
        outage = { from, to: Date.now() }
        cluster.resume()
      }
    }

    // Every change, once, on both replicas; the last removal needs two more walks, and the outage's backlog its retry.
    for (const url of replicas) {
      await expect
        .poll(async () => (await changesOf(url)).data.map(described).sort(), { timeout: 30_000 })
        .toEqual(expected)
    }
    reading = false
    await Promise.all(readers)

    const [first, second] = replicas as [string, string]
    expect((await changesOf(second)).text).toBe((await changesOf(first)).text)
    expect(await feedOf(second)).toBe(await feedOf(first))

    expect(outage).not.toBeNull()
    const lists = answers.filter((answer) => LIST_PATHS.includes(answer.path))
    const duringOutage = (answer: Answer) => answer.startedAt >= outage!.from && answer.endedAt <= outage!.to
    const histories = answers.filter((answer) => HISTORY_PATHS.includes(answer.path))
    // Enough reads to mean something, during the outage too.
    expect(lists.filter(duringOutage).length).toBeGreaterThanOrEqual(4)
    expect(histories.filter(duringOutage).length).toBeGreaterThanOrEqual(4)
    expect(lists.filter((answer) => answer.problem !== null)).toEqual([])
    // While the database is down the history says so: a 503 in the error shape, never a 500 or an empty 200.
    expect(histories.filter(duringOutage).filter((answer) => answer.status !== 503 || answer.problem !== null)).toEqual(
      [],
    )
    // Before and after, answers are the history's or (around the restart) its 503: never another failure.
    expect(histories.filter((answer) => answer.problem !== null)).toEqual([])
  })
})
