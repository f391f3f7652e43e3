import { type BenchItem, goals, measure } from '../lib/bench-item'
import { FIRST_CELL, launchBrowser, msToFetch, msUntilFirstCellReads } from '../lib/browser'
import { startBuiltServer, startFakeUpstream } from '../lib/processes'
import { median } from '../lib/stats'

const LATENCY_MS = 300
const READING_MS = 1500
const NEXT = 'button[aria-label="Next page"]'
const PREVIOUS = 'button[aria-label="Previous page"]'

interface Page {
  data: { id: string }[]
  last_id: string | null
}

export const nextPageUnderLatency: BenchItem = {
  id: '3',
  title: 'Next page under latency',
  floor: `none: the goal is absolute; without a prefetch a click would wait at least one request at the emulated ${LATENCY_MS} ms latency`,
  async run({ ports, start, quick, log }) {
    const clicks = quick ? 3 : 7
    const upstream = await start(() => startFakeUpstream({ port: ports.next(), models: 1000 }))
    const server = await start(() =>
      startBuiltServer({ port: ports.next(), upstreamUrl: upstream.url, env: { CATALOGUE_TTL_SECONDS: '3600' } }),
    )
    // The first id of each page the clicks lead to, straight from the BFF.
    const firstIds: string[] = []
    let cursor = ''
    for (let index = 0; index <= clicks; index += 1) {
      const page = (await (await fetch(`${server.url}/api/models?limit=20${cursor}`)).json()) as Page
      firstIds.push(page.data[0]!.id)
      cursor = `&after_id=${page.last_id}`
    }

    const browser = await launchBrowser()
    const times: number[] = []
    let previousRequests = 0
    let roundTripMs = 0
    try {
      const page = await browser.newPage()
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY_MS,
        downloadThroughput: -1,
        uploadThroughput: -1,
      })
      await page.goto(`${server.url}/`)
      await page.locator(FIRST_CELL, { hasText: firstIds[0]! }).first().waitFor()
      for (let click = 1; click <= clicks; click += 1) {
        await page.waitForTimeout(READING_MS)
        times.push(await msUntilFirstCellReads(page, { expected: firstIds[click]!, click: NEXT }))
      }
      let requests = 0
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/models') requests += 1
      })
      for (let click = clicks - 1; click >= 0; click -= 1) {
        await page.waitForTimeout(quick ? 200 : 500)
        await msUntilFirstCellReads(page, { expected: firstIds[click]!, click: PREVIOUS })
      }
      previousRequests = requests
      // What a click without a prefetch would wait at least: one request of the next page.
      roundTripMs = await msToFetch(page, '/api/models?limit=20&sort=id')
    } finally {
      await browser.close()
    }
    log(`clicks: ${times.map((ms) => ms.toFixed(1)).join(', ')} ms; one request: ${roundTripMs.toFixed(0)} ms`)
    return [
      measure({
        name: `click on Next → new rows painted, ${LATENCY_MS} ms latency, median of ${clicks}`,
        unit: 'ms',
        project: median(times),
        goal: goals.atMost(50, 'ms'),
        notes: `each click after ${READING_MS} ms of reading: ${times.map((ms) => ms.toFixed(1)).join(', ')} ms; one request at this latency takes ${roundTripMs.toFixed(0)} ms`,
      }),
      measure({
        name: `requests for ${clicks} clicks on Previous`,
        unit: '',
        project: previousRequests,
        goal: goals.zero(),
      }),
    ]
  },
}
