import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ModelPage } from '../../src/contract/model'
import { type BenchItem, goals, measure } from '../lib/bench-item'
import { firstRowAt, firstRowWatcher, launchBrowser } from '../lib/browser'
import type { FixedResponse } from '../floors/fixed-responses-server'
import { ROOT, startBuiltServer, startFakeUpstream, startNode } from '../lib/processes'
import { median } from '../lib/stats'

const FIRST_PAGE = '/api/models?limit=20'

// The floor: two round trips (the HTML, then the data) and a bare table, nothing else.
const FLOOR_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Floor</title></head>
<body><table><tbody id="rows"></tbody></table>
<script>
fetch(${JSON.stringify(FIRST_PAGE)}).then((r) => r.json()).then((page) => {
  const rows = document.getElementById('rows')
  for (const model of page.data) {
    const row = rows.insertRow()
    row.insertCell().textContent = model.id
    row.insertCell().textContent = model.display_name
    row.insertCell().textContent = model.created_at
  }
})
</script></body></html>`

export const coldLoad: BenchItem = {
  id: '2',
  title: 'Cold load to first row',
  floor: `a plain HTML page whose few lines of script fetch ${FIRST_PAGE} (the same bytes, recorded from the BFF) and write a bare table, served by a bare node:http server on the same machine; a fresh browser context per load (no cache), floor and dashboard interleaved`,
  async run({ ports, start, quick, log }) {
    // Single loads vary by ±50% on a shared machine: 21 interleaved pairs keep the median steady.
    const runs = quick ? 3 : 21
    const upstream = await start(() => startFakeUpstream({ port: ports.next() }))
    const server = await start(() =>
      startBuiltServer({ port: ports.next(), upstreamUrl: upstream.url, env: { CATALOGUE_TTL_SECONDS: '3600' } }),
    )
    const recorded = await fetch(`${server.url}${FIRST_PAGE}`)
    const body = await recorded.text()
    const firstId = (JSON.parse(body) as ModelPage).data[0]!.id
    const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }
    const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }
    const responses: Record<string, FixedResponse> = {
      '/': { status: 200, headers: html, body: FLOOR_HTML },
      [FIRST_PAGE]: { status: 200, headers: json, body },
    }
    const responsesDir = mkdtempSync(join(tmpdir(), 'bench-cold-load-'))
    writeFileSync(join(responsesDir, 'responses.json'), JSON.stringify(responses))
    const floorPort = ports.next()
    const floor = await start(() =>
      startNode(
        [
          '--import',
          'tsx',
          `${ROOT}bench/floors/fixed-responses-server.ts`,
          join(responsesDir, 'responses.json'),
          String(floorPort),
        ],
        { port: floorPort, env: {} },
      ),
    )
    rmSync(responsesDir, { recursive: true })

    const browser = await launchBrowser()
    const times = { project: [] as number[], floor: [] as number[], projectListRequests: 0 }
    try {
      const load = async (url: string) => {
        const context = await browser.newContext()
        try {
          const page = await context.newPage()
          let listRequests = 0
          page.on('request', (request) => {
            if (new URL(request.url()).pathname === '/api/models') listRequests += 1
          })
          await page.addInitScript(firstRowWatcher(firstId))
          await page.goto(url)
          return { ms: await firstRowAt(page), listRequests }
        } finally {
          await context.close()
        }
      }
      // One unmeasured load of each warms the servers' caches and the browser's process.
      await load(`${server.url}/`)
      await load(`${floor.url}/`)
      for (let run = 0; run < runs; run += 1) {
        const project = await load(`${server.url}/`)
        times.project.push(project.ms)
        times.projectListRequests += project.listRequests
        times.floor.push((await load(`${floor.url}/`)).ms)
      }
    } finally {
      await browser.close()
    }
    const round = (values: number[]) => values.map((value) => Math.round(value * 10) / 10).join(', ')
    log(`dashboard: ${round(times.project)} ms; floor: ${round(times.floor)} ms`)
    return [
      measure({
        name: `navigation start → first row, median of ${runs}`,
        unit: 'ms',
        project: median(times.project),
        floor: median(times.floor),
        goal: goals.ratioAtMost(1.5),
        notes: `dashboard ${round(times.project)} ms; floor ${round(times.floor)} ms; the dashboard asked /api/models ${times.projectListRequests} times in ${runs} loads`,
      }),
    ]
  },
}
