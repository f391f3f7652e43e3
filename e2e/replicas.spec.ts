import { expect, test } from '@playwright/test'
import { type PostgresCluster, startPostgresCluster } from '../src/testing/postgres-cluster'
import { fakeUpstreamAt } from './support/fake-upstream'
import { changesOf, feedOf, killChildren, models, startReplica, startUpstream, summary } from './support/replicas'

// Two (then three) built servers on one PostgreSQL, against one fake upstream whose catalogue changes:
// one history, recorded once, served the same by every replica, and lists served while the database is down.

let cluster: PostgresCluster
let upstreamPort = 0

const replica = () => startReplica(cluster.url, upstreamPort)

/** Both walk now, at the same moment (a forced refresh each). */
const walkTogether = (urls: string[]) => Promise.all(urls.map((url) => fetch(`${url}/api/models?refresh=1`)))

test.describe('replicas on one PostgreSQL', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeAll(async () => {
    cluster = await startPostgresCluster()
    upstreamPort = await startUpstream()
    await fakeUpstreamAt(upstreamPort).models(models(['a', 'b', 'c']))
  })

  test.afterAll(() => {
    killChildren()
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
