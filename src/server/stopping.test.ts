import { describe, expect, it } from 'vitest'
import { createFakeUpstream, FAKE_API_KEY } from '../fake-upstream/fake-upstream'
import { readError, TEST_CONFIG } from '../testing/test-app'
import { createApp } from './create-app'
import { silentLogger } from './logger'
import { abortableFetch, RETRY_AFTER_STOPPING_SECONDS } from './stopping'

function stoppableApp() {
  const fake = createFakeUpstream({ apiKey: FAKE_API_KEY })
  const stopping = new AbortController()
  const app = createApp(TEST_CONFIG, {
    fetch: abortableFetch(fake.fetch, stopping.signal),
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
      return hanging(_input, init)
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
})

/** A transport that never answers, and fails, as fetch does, when its signal aborts or already has. */
const hanging: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    const signal = init?.signal
    if (signal?.aborted) reject(signal.reason)
    signal?.addEventListener('abort', () => reject(signal.reason))
  })

describe('abortableFetch', () => {
  it('aborts a request in flight when the server stops, and one started after at once', async () => {
    const stopping = new AbortController()
    const fetchUntilStopped = abortableFetch(hanging, stopping.signal)
    const own = new AbortController()
    const inFlight = fetchUntilStopped('http://upstream.test/v1/models', { signal: own.signal })
    stopping.abort()
    await expect(inFlight).rejects.toThrow()
    await expect(fetchUntilStopped('http://upstream.test/v1/models')).rejects.toThrow()
  })

  it('still honours the request’s own signal', async () => {
    const own = new AbortController()
    const request = abortableFetch(hanging, new AbortController().signal)('http://upstream.test/', {
      signal: own.signal,
    })
    own.abort()
    await expect(request).rejects.toThrow()
  })
})
