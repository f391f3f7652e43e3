import { unavailableHistoryStore } from '../history/history-store'
import { describe, expect, it } from 'vitest'
import { FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { createTestApp } from '../../testing/test-app'

const STAGING = {
  name: 'staging',
  keyVariable: 'ANTHROPIC_API_KEY_STAGING',
  apiKey: FAKE_API_KEY,
  workspaceId: 'staging',
}

describe('GET /healthz', () => {
  it('answers 200 at once, without asking the upstream, even while the upstream fails', async () => {
    const { app, fake } = createTestApp({ config: { workspaces: [STAGING] } })
    fake.setFault({ kind: 'hang' })
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok\n')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(fake.stats.requests).toEqual([])
  })

  it('refuses other methods with 405', async () => {
    const { app } = createTestApp()
    expect((await app.request('/healthz', { method: 'POST' })).status).toBe(405)
  })
})

describe('GET /readyz', () => {
  it('answers 503 until every workspace has a snapshot, then 200', async () => {
    const { app } = createTestApp({ config: { workspaces: [STAGING] } })
    const starting = await app.request('/readyz')
    expect(starting.status).toBe(503)
    expect(await starting.text()).toBe('starting\nhistory store: sqlite, reachable\n')
    expect((await app.request('/api/models')).status).toBe(200)
    // The default workspace has its snapshot; staging has not walked yet (the probe starts its walk).
    await expect.poll(async () => (await app.request('/readyz')).status).toBe(200)
    expect((await app.request('/api/models?workspace=staging')).status).toBe(200)
  })

  it('counts a reported failure of the first walk as ready, and reveals neither the error nor the workspace', async () => {
    const { app, fake } = createTestApp({ config: { workspaces: [STAGING] } })
    fake.setFault({ kind: 'status', status: 401 })
    await app.request('/api/models')
    await app.request('/api/models?workspace=staging')
    const response = await app.request('/readyz')
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toBe('ready\nhistory store: sqlite, reachable\n')
    for (const secret of ['staging', 'default', 'ANTHROPIC', 'key', '401']) expect(text).not.toContain(secret)
  })

  it('reports a history store whose database does not answer, and stays ready: the catalogue is still served', async () => {
    const { app } = createTestApp({ history: unavailableHistoryStore('postgres', 'its database cannot be reached') })
    await app.request('/api/models')
    const response = await app.request('/readyz')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ready\nhistory store: postgres, unreachable\n')
  })

  it('answers 503 from the start of a shutdown', async () => {
    const { app } = createTestApp()
    await app.request('/api/models')
    expect((await app.request('/readyz')).status).toBe(200)
    app.startShutdown()
    const response = await app.request('/readyz')
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('shutting down\n')
    // Liveness is not readiness: the process still answers until it exits.
    expect((await app.request('/healthz')).status).toBe(200)
  })
})
