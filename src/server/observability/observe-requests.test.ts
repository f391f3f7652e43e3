import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createCapturingLogger, createTestApp, readError } from '../../testing/test-app'
import type { Identity } from '../auth/identity'
import { createMetrics } from './metrics'
import { observeRequests } from './observe-requests'
import { REQUEST_ID_PATTERN } from './request-id'
import { createRequestRecorder } from './request-recorder'

describe('every answer', () => {
  it('carries a request-id header of its own: 200, 304, 400, 404, 405 and the probes', async () => {
    const { app } = createTestApp()
    const ok = await app.request('/api/models')
    const etag = ok.headers.get('etag')!
    const answers = [
      ok,
      await app.request('/api/models', { headers: { 'If-None-Match': etag } }),
      await app.request('/api/models?limit=0'),
      await app.request('/api/nothing'),
      await app.request('/api/models', { method: 'DELETE' }),
      await app.request('/api/health'),
      await app.request('/healthz'),
      await app.request('/metrics'),
    ]
    expect(answers.map((response) => response.status)).toEqual([200, 304, 400, 404, 405, 200, 200, 200])
    const ids = answers.map((response) => response.headers.get('request-id'))
    for (const id of ids) expect(id).toMatch(REQUEST_ID_PATTERN)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('that is an error carries the same request_id in its body', async () => {
    const { app, fake } = createTestApp()
    fake.setFault({ kind: 'status', status: 500 })
    for (const [path, method] of [
      ['/api/models', 'GET'],
      ['/api/models?limit=0', 'GET'],
      ['/api/models?workspace=nowhere', 'GET'],
      ['/api/nothing', 'GET'],
      ['/feed.xml', 'POST'],
    ] as const) {
      const response = await app.request(path, { method })
      expect(response.ok, path).toBe(false)
      expect((await readError(response)).request_id, path).toBe(response.headers.get('request-id'))
    }
  })

  it('is logged once as one line with the request id, route template, status, duration and workspace', async () => {
    const { app, logger } = createTestApp({
      config: {
        workspaces: [{ name: 'staging', keyVariable: 'ANTHROPIC_API_KEY_STAGING', apiKey: 'sk-x', workspaceId: null }],
      },
    })
    const response = await app.request('/api/models/claude-nope?workspace=default')
    const lines = logger.records.filter((record) => record.fields?.request_id === response.headers.get('request-id'))
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'GET /api/models/claude-nope 404',
        fields: {
          request_id: response.headers.get('request-id'),
          method: 'GET',
          route: '/api/models/:id',
          path: '/api/models/claude-nope',
          status: 404,
          duration_ms: expect.any(Number),
          user: null,
          workspace: 'default',
        },
      },
    ])
  })

  it('is logged as a warning when it is a 5xx, and probes and scrapes only at debug level', async () => {
    const { app, fake, logger } = createTestApp()
    fake.setFault({ kind: 'status', status: 500 })
    await app.request('/api/models')
    await app.request('/healthz')
    await app.request('/readyz')
    await app.request('/metrics')
    const levelOf = (route: string) => logger.records.find((record) => record.fields?.route === route)?.level
    expect(levelOf('/api/models')).toBe('warn')
    expect(['/healthz', '/readyz', '/metrics'].map(levelOf)).toEqual(['debug', 'debug', 'debug'])
  })

  it.each<[Identity | undefined, string | null]>([
    [{ kind: 'user', email: 'ada@example.com' }, 'ada@example.com'],
    [{ kind: 'proxy', email: 'grace@example.com' }, 'grace@example.com'],
    [{ kind: 'token', name: 'prometheus', operator: false }, 'prometheus'],
    [{ kind: 'anonymous' }, null],
    [undefined, null],
  ])('names the caller the sign-in set (%o) as user %s', async (identity, user) => {
    const logger = createCapturingLogger()
    const app = new Hono()
    app.use('*', observeRequests(createRequestRecorder(logger, createMetrics())))
    app.use('*', async (c, next) => {
      if (identity) c.set('identity', identity)
      await next()
    })
    app.get('/feed.xml', (c) => c.text('feed'))
    await app.request('/feed.xml')
    expect(logger.records).toHaveLength(1)
    expect(logger.records[0]!.fields).toMatchObject({ route: '/feed.xml', user })
  })
})
