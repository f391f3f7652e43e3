import type { ModelPage } from '../../src/contract/model'
import { type BenchItem, goals, measure } from '../lib/bench-item'
import { fakeControl } from '../lib/fake-control'
import { getJson } from '../lib/http'
import { ceilingsFor, startBuiltServer, startFakeUpstream } from '../lib/processes'

const CATALOGUE = 100_000
const WALK_PAGE_SIZE = 1000
const COLD_REQUESTS = 1000
// Slow enough that the walk (100 pages) is still going when all 1,000 requests have arrived.
const UPSTREAM_LATENCY_MS = 30

interface Health {
  catalogue: { count: number }
}

export const upstreamEconomy: BenchItem = {
  id: '7',
  title: 'Upstream economy',
  floor: `the least the upstream contract allows: one walk of ceil(${CATALOGUE.toLocaleString('en-US')} / ${WALK_PAGE_SIZE}) list requests, shared by every request that arrives during it`,
  async run({ ports, start, log }) {
    const upstream = await start(() => startFakeUpstream({ port: ports.next(), models: CATALOGUE }))
    const control = fakeControl(upstream.url)
    await control.latency(UPSTREAM_LATENCY_MS)
    // The server starts its first walk as it starts listening; no request has been answered yet.
    const server = await start(() =>
      startBuiltServer({
        port: ports.next(),
        upstreamUrl: upstream.url,
        env: { CATALOGUE_TTL_SECONDS: '3600', ...ceilingsFor(CATALOGUE) },
      }),
    )
    const before = await getJson<Health>(`${server.url}/api/health`)
    if (before.catalogue.count !== 0) throw new Error('The catalogue was loaded before the cold requests were sent')

    const answers = await Promise.all(
      Array.from({ length: COLD_REQUESTS }, async (_, index) => {
        const sentAt = Date.now()
        const response = await fetch(`${server.url}/api/models?limit=20&sort=id&q=${index % 2 ? 'sonnet' : ''}`)
        const body = response.status === 200 ? ((await response.json()) as ModelPage) : null
        return { status: response.status, fetchedAt: body?.fetched_at, sentAt }
      }),
    )
    const coldWalkRequests = (await control.stats()).listCalls
    const failed = answers.filter((answer) => answer.status !== 200).length
    const snapshots = new Set(answers.map((answer) => answer.fetchedAt)).size
    // Cold: sent before the snapshot that answered it existed.
    const warm = answers.filter((answer) => answer.fetchedAt && Date.parse(answer.fetchedAt) <= answer.sentAt).length
    if (warm > 0) throw new Error(`${warm} of the requests were sent after the catalogue had loaded: not a cold start`)
    log(
      `${COLD_REQUESTS} cold requests: ${failed} not 200, ${snapshots} snapshot(s), ${coldWalkRequests} list requests`,
    )

    // One forced refresh walks the whole catalogue once more: its cost alone.
    await getJson(`${server.url}/api/models?refresh=1`)
    const oneWalk = (await control.stats()).listCalls - coldWalkRequests
    const pagesPerWalk = Math.ceil(CATALOGUE / WALK_PAGE_SIZE)
    log(`one forced refresh: ${oneWalk} list requests`)

    return [
      measure({
        name: `upstream walks for ${COLD_REQUESTS.toLocaleString('en-US')} concurrent cold requests`,
        unit: '',
        project: coldWalkRequests / oneWalk,
        floor: 1,
        goal: goals.equalsFloor(),
        notes: `${coldWalkRequests} list requests to the upstream in all; all sent before the first snapshot existed; the answers came from ${snapshots === 1 ? 'that one snapshot' : `${snapshots} snapshots`}`,
      }),
      measure({
        name: 'cold requests not answered 200',
        unit: '',
        project: failed,
        goal: goals.zero(),
      }),
      measure({
        name: `upstream requests for one walk of ${CATALOGUE.toLocaleString('en-US')} models`,
        unit: '',
        project: oneWalk,
        floor: pagesPerWalk,
        goal: goals.equalsFloor(),
      }),
    ]
  },
}
