import { describe, expect, it } from 'vitest'
import { createFakeUpstream, FAKE_API_KEY } from '../fake-upstream/fake-upstream'
import { syntheticCatalogue } from '../fake-upstream/synthetic-catalogue'
import { hangingFetch } from '../testing/hanging-fetch'
import { retainedBytes } from '../testing/measured-memory'
import { createFakeClock, readError, TEST_CONFIG } from '../testing/test-app'
import { createApp } from './create-app'
import { silentLogger } from './logger'
import { RETRY_AFTER_STOPPING_SECONDS } from './stopping'

function stoppableApp() {
  const fake = createFakeUpstream({ apiKey: FAKE_API_KEY })
  const stopping = new AbortController()
  const app = createApp(TEST_CONFIG, {
    fetch: fake.fetch,
    logger: silentLogger,
    stopping: stopping.signal,
  })
  return { app, fake, stopping }
}

async function expectStopping(response: Response) {
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_STOPPING_SECONDS))
  expect(response.headers.get('cache-control')).toBe('no-store')
  const body = await readError(response)
  expect(body.error.message).toContain('The server is stopping')
  expect(body.error.message).toContain('Retry in')
}

describe('a server that is stopping', () => {
  it('answers requests waiting on a walk with a 503 and Retry-After once it stops', async () => {
    const { app, fake, stopping } = stoppableApp()
    fake.setFault({ kind: 'hang' })
    const waiting = Promise.all([app.request('/api/models'), app.request('/api/models/claude-opus-4-1-20250805')])
    await new Promise((resolve) => setTimeout(resolve, 20))
    stopping.abort()
    for (const response of await waiting) await expectStopping(response)
  })

  it('answers every new request with a 503 and Retry-After, and sends nothing upstream', async () => {
    const { app, fake, stopping } = stoppableApp()
    stopping.abort()
    for (const path of ['/api/models', '/api/health', '/api/changes', '/feed.xml']) {
      await expectStopping(await app.request(path))
    }
    expect(fake.stats.requests).toEqual([])
  })

  it('aborts the demo’s walk too (no key), not only a live key’s, and answers its waiting clients', async () => {
    const stopping = new AbortController()
    const signals: AbortSignal[] = []
    // The demo's upstream, hanging: it fails, as fetch does, only when its signal aborts.
    const demoTransport: typeof fetch = (_input, init) => {
      signals.push(init!.signal!)
      return hangingFetch(_input, init)
    }
    const app = createApp(
      { ...TEST_CONFIG, apiKey: null },
      {
        fetch: demoTransport,
        logger: silentLogger,
        stopping: stopping.signal,
      },
    )
    const waiting = app.request('/api/models')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(signals).toHaveLength(1)
    expect(signals[0]!.aborted).toBe(false)
    stopping.abort()
    await expectStopping(await waiting)
    expect(signals.every((signal) => signal.aborted)).toBe(true)
  })

  it('answers as usual until it stops', async () => {
    const { app } = stoppableApp()
    expect((await app.request('/api/models')).status).toBe(200)
  })
  it('keeps nothing of a walk once it is over, however many walks it makes', async () => {
    const fake = createFakeUpstream({ apiKey: FAKE_API_KEY, models: syntheticCatalogue(2_000) })
    const stopping = new AbortController()
    const clock = createFakeClock()
    const options = { fetch: fake.fetch, logger: silentLogger, stopping: stopping.signal, now: clock.now }
    const app = createApp(TEST_CONFIG, options)
    const walk = async () => {
      // Past the window in which one forced refresh may start.
      clock.advance(TEST_CONFIG.ttlSeconds * 1000)
      expect((await app.request('/api/models?refresh=1')).status).toBe(200)
    }
    // What the history has yet to write is held until it is written: a read of it waits for that.
    const retainedOnceWritten = async () => {
      expect((await app.request('/api/changes')).status).toBe(200)
      return retainedBytes()
    }
    const withoutCatalogue = retainedBytes()
    await walk()
    const afterFirst = await retainedOnceWritten()
    const oneCatalogue = afterFirst - withoutCatalogue
    expect(oneCatalogue).toBeGreaterThan(1024 * 1024)
    for (let again = 0; again < 10; again += 1) await walk()
    expect(fake.stats.listCalls).toBe(2 * 11)
    // A walk's signal linked to the server's stop signal with AbortSignal.any kept each walk (its listeners, and
    // through them its models) reachable for the life of the process: ten more walks held ten more catalogues.
    expect((await retainedOnceWritten()) - afterFirst).toBeLessThan(oneCatalogue)
  })
})
