import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type ChangesPage, changesPageSchema, seenAnswerSchema } from '../../contract/history'
import type { Model } from '../../contract/model'
import { createTestApp, readError, walkedTestApp } from '../../testing/test-app'
import { openSqliteHistoryStore } from '../history/sqlite-history-store'

const HOUR = 3_600_000
const DAY = 24 * HOUR

function model(id: string, displayName: string, lifecycle: Model['lifecycle'] = 'active'): Model {
  return { id, type: 'model', display_name: displayName, created_at: '2026-01-01T00:00:00Z', lifecycle }
}

const OPUS = model('claude-opus-9', 'Claude Opus 9')
const SONNET = model('claude-sonnet-9', 'Claude Sonnet 9')
const HAIKU = model('claude-haiku-9', 'Claude Haiku 9')

async function changes(app: ReturnType<typeof createTestApp>['app'], query = ''): Promise<ChangesPage> {
  const response = await app.request(`/api/changes${query}`)
  const body: unknown = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(200)
  return changesPageSchema.parse(body)
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

describe('GET /api/changes', () => {
  it('records what changed between walks of a changing upstream, newest first (one walk in upstream order), with times', async () => {
    const { app, clock } = await walkedTestApp([
      [OPUS, SONNET],
      [HAIKU, OPUS, SONNET],
      [HAIKU, { ...OPUS, display_name: 'Claude Opus 9 (new)' }, { ...SONNET, lifecycle: 'deprecated' }],
      [HAIKU, { ...OPUS, display_name: 'Claude Opus 9 (new)' }],
      // A removal is recorded when a second walk in a row lacks the model.
      [HAIKU, { ...OPUS, display_name: 'Claude Opus 9 (new)' }],
    ])
    const day = (n: number) => new Date(clock.now() - (4 - n) * DAY).toISOString()
    const page = await changes(app)
    expect(page.data.map(({ id: _id, ...change }) => change)).toEqual([
      {
        workspace: 'default',
        model_id: 'claude-sonnet-9',
        kind: 'removed',
        at: day(4),
        display_name: 'Claude Sonnet 9',
      },
      {
        workspace: 'default',
        model_id: 'claude-opus-9',
        kind: 'display_name_changed',
        at: day(2),
        display_name: 'Claude Opus 9 (new)',
        before: 'Claude Opus 9',
        after: 'Claude Opus 9 (new)',
      },
      {
        workspace: 'default',
        model_id: 'claude-sonnet-9',
        kind: 'lifecycle_changed',
        at: day(2),
        display_name: 'Claude Sonnet 9',
        before: 'active',
        after: 'deprecated',
      },
      { workspace: 'default', model_id: 'claude-haiku-9', kind: 'added', at: day(1), display_name: 'Claude Haiku 9' },
    ])
    expect(page).toMatchObject({ first_id: page.data[0]!.id, last_id: page.data[3]!.id, has_more: false })
  })

  it('gives only the kinds asked for (kind=), in the list and the feed', async () => {
    const { app } = await walkedTestApp([
      [OPUS, SONNET],
      [HAIKU, OPUS, SONNET],
      [HAIKU, { ...OPUS, display_name: 'Claude Opus 9 (new)' }],
      [HAIKU, { ...OPUS, display_name: 'Claude Opus 9 (new)' }],
    ])
    const kinds = async (query: string) => (await changes(app, query)).data.map((change) => change.kind)
    expect(await kinds('?kind=added,removed')).toEqual(['removed', 'added'])
    expect(await kinds('?kind=display_name_changed')).toEqual(['display_name_changed'])
    expect(await kinds('?kind=removed,removed,added')).toEqual(['removed', 'added'])
    const feed = await (await app.request('/feed.xml?kind=added')).text()
    expect(feed.match(/<entry>/g)).toHaveLength(1)
    expect(feed).toContain('Claude Haiku 9')
  })

  it('records the first walk as a baseline: no change for a catalogue seen for the first time', async () => {
    const { app } = await walkedTestApp([[OPUS, SONNET, HAIKU]])
    expect(await changes(app)).toEqual({
      data: [],
      catalogue_error: null,
      first_id: null,
      last_id: null,
      has_more: false,
    })
  })

  it('records nothing for a failed walk, and the changes once a walk succeeds', async () => {
    const { app, fake, clock, listPage } = await walkedTestApp([[OPUS]])
    fake.setModels([OPUS, SONNET])
    fake.setFault({ kind: 'status', status: 500 }, 1)
    clock.advance(DAY)
    await listPage({ refresh: '1' })
    expect((await changes(app)).data).toEqual([])
    await listPage({ refresh: '1' })
    expect((await changes(app)).data.map((change) => change.model_id)).toEqual(['claude-sonnet-9'])
  })

  it('pages with after_id=last_id down to the oldest change, and filters by since', async () => {
    const catalogues = [[OPUS]]
    for (let index = 1; index <= 7; index += 1)
      catalogues.push([model(`m${index}`, `M ${index}`), ...catalogues.at(-1)!])
    const { app, clock } = await walkedTestApp(catalogues)
    const ids: string[] = []
    let query = '?limit=3'
    for (;;) {
      const page = await changes(app, query)
      ids.push(...page.data.map((change) => change.model_id))
      if (!page.has_more) break
      query = `?limit=3&after_id=${page.last_id}`
    }
    expect(ids).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1'])
    const since = new Date(clock.now() - DAY).toISOString()
    expect((await changes(app, `?since=${since}`)).data.map((change) => change.model_id)).toEqual(['m7', 'm6'])
  })

  it.each([
    ['limit=0', 'limit must be a whole number from 1 to 1000'],
    ['limit=1001', 'limit must be a whole number from 1 to 1000'],
    ['after_id=claude-opus-9', 'after_id must be a whole number'],
    ['since=last-week', 'since must be a date (2026-10-03)'],
    ['since=2026-10-03T12:00:00', 'since must be a date'],
    ['limit=5&limit=6', 'limit was given more than once'],
    ['kind=renamed', 'kind must be a comma list of added, removed, display_name_changed, lifecycle_changed'],
  ])('refuses %s with a 400 saying why, without asking the upstream', async (query, message) => {
    const { app, fake } = createTestApp()
    const response = await app.request(`/api/changes?${query}`)
    expect(response.status).toBe(400)
    const body = await readError(response)
    expect(body.error).toEqual({ type: 'invalid_request_error', message: expect.stringContaining(message) })
    expect(fake.stats.requests).toEqual([])
  })

  it('answers an unchanged history with 304 to If-None-Match, and is never stored unchecked', async () => {
    const { app } = await walkedTestApp([[OPUS], [OPUS, SONNET]])
    const first = await app.request('/api/changes')
    expect(first.headers.get('cache-control')).toBe('no-cache')
    expect(first.headers.get('content-type')).toContain('application/json')
    const etag = first.headers.get('etag')!
    const again = await app.request('/api/changes', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })

  it.each(['/api/changes', '/api/seen', '/feed.xml'])('answers POST %s with 405', async (path) => {
    const { app } = createTestApp()
    const response = await app.request(path, { method: 'POST' })
    expect(response.status).toBe(405)
    expect((await readError(response)).error.type).toBe('invalid_request_error')
  })

  it('never waits for the upstream, but starts a walk when the snapshot is stale, so a feed reader alone keeps it current', async () => {
    const { app, fake, clock } = await walkedTestApp([[OPUS]])
    fake.setModels([OPUS, SONNET])
    fake.setLatency(100)
    clock.advance(DAY)
    expect((await changes(app)).data).toEqual([])
    // The history answered before the upstream did (it answers after 100 ms), yet a walk was asked for.
    expect(fake.stats.listCalls).toBe(1)
    await expect.poll(() => fake.stats.requests).toHaveLength(2)
    await expect
      .poll(async () => (await changes(app)).data.map((change) => change.model_id))
      .toEqual(['claude-sonnet-9'])
    expect(fake.stats.listCalls).toBe(2)
  })
})

describe('GET /api/seen', () => {
  it('gives first and last seen of the models that came or went, and when the history began', async () => {
    const { app, clock } = await walkedTestApp([
      [OPUS, SONNET],
      [HAIKU, OPUS, SONNET],
      [HAIKU, OPUS],
      // The second walk in a row without Sonnet records its removal.
      [HAIKU, OPUS],
    ])
    const start = new Date(clock.now() - 3 * DAY).toISOString()
    const response = await app.request('/api/seen')
    expect(response.status).toBe(200)
    expect(seenAnswerSchema.parse(await response.json())).toEqual({
      workspace: 'default',
      history_started_at: start,
      last_walk_at: new Date(clock.now()).toISOString(),
      catalogue_error: null,
      data: [
        {
          model_id: 'claude-haiku-9',
          display_name: 'Claude Haiku 9',
          first_seen: new Date(clock.now() - 2 * DAY).toISOString(),
          baseline: false,
          last_seen: new Date(clock.now()).toISOString(),
          removed_at: null,
        },
        {
          model_id: 'claude-sonnet-9',
          display_name: 'Claude Sonnet 9',
          first_seen: start,
          baseline: true,
          last_seen: new Date(clock.now() - 2 * DAY).toISOString(),
          removed_at: new Date(clock.now()).toISOString(),
        },
      ],
      first_id: 'claude-haiku-9',
      last_id: 'claude-sonnet-9',
      has_more: false,
    })
  })

  it('with since, lists only the models first seen or removed since then; refuses a bad since', async () => {
    const { app, clock } = await walkedTestApp([
      [OPUS, SONNET],
      [HAIKU, OPUS, SONNET],
      [HAIKU, OPUS],
      [HAIKU, OPUS],
    ])
    const response = await app.request(`/api/seen?since=${new Date(clock.now()).toISOString()}`)
    const answer = seenAnswerSchema.parse(await response.json())
    expect(answer.data.map((record) => record.model_id)).toEqual(['claude-sonnet-9'])
    expect((await app.request('/api/seen?since=tomorrow')).status).toBe(400)
  })

  it('says the history has not begun before the first walk, and why: the catalogue could not be read', async () => {
    const { app, fake } = createTestApp()
    fake.setFault({ kind: 'hang' })
    const answer = seenAnswerSchema.parse(await (await app.request('/api/seen')).json())
    expect(answer).toEqual({
      workspace: 'default',
      history_started_at: null,
      last_walk_at: null,
      catalogue_error: { type: 'timeout_error', message: expect.stringContaining('too slow') as unknown },
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    })
  })

  it('an empty history with a failing upstream says why, in /api/changes too', async () => {
    const { app, fake } = createTestApp()
    fake.setFault({ kind: 'status', status: 500 })
    const page = changesPageSchema.parse(await (await app.request('/api/changes')).json())
    expect(page.data).toEqual([])
    expect(page.catalogue_error).toMatchObject({
      type: expect.any(String) as unknown,
      message: expect.any(String) as unknown,
    })
  })

  it('a failed refresh behind a served snapshot is reported beside the recorded history', async () => {
    const test = await walkedTestApp([
      [OPUS, SONNET],
      [OPUS, SONNET, HAIKU],
    ])
    expect((await changes(test.app)).catalogue_error).toBeNull()
    test.fake.setFault({ kind: 'status', status: 500 })
    await test.listPage({ refresh: '1' })
    const page = await changes(test.app)
    expect(page.data.map((change) => change.model_id)).toEqual(['claude-haiku-9'])
    expect(page.catalogue_error).toMatchObject({ message: expect.any(String) as unknown })
  })
})

describe('the history in SQLite through the app', () => {
  it('survives a restart: the first walk after it is compared with the last one before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-app-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const open = async () => {
      const opened = await openSqliteHistoryStore(dir)
      if (!opened.ok) throw new Error(opened.message)
      return opened.store
    }

    const before = await open()
    const first = await walkedTestApp(
      [
        [OPUS, SONNET],
        [HAIKU, OPUS, SONNET],
      ],
      { history: before },
    )
    const recorded = await changes(first.app)
    before.close()

    const after = await open()
    cleanups.push(() => after.close())
    // Sonnet is gone in the two walks after the restart: the second records its removal.
    const second = await walkedTestApp(
      [
        [HAIKU, OPUS],
        [HAIKU, OPUS],
      ],
      { history: after },
      // Restarted after the first server's last walk, as a clock does: an older walk would record nothing.
      2 * DAY,
    )
    const page = await changes(second.app)
    expect(page.data.map((change) => [change.kind, change.model_id])).toEqual([
      ['removed', 'claude-sonnet-9'],
      ['added', 'claude-haiku-9'],
    ])
    expect(page.data[1]).toEqual(recorded.data[0])
  })
})
