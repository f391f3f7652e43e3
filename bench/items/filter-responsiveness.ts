import { FILTER_DEBOUNCE_MS } from '../../src/features/models/hooks/use-models-search-params'
import { type BenchItem, goals, measure } from '../lib/bench-item'
import { FIRST_CELL, launchBrowser, msToFetch, msUntilFirstCellReads } from '../lib/browser'
import { startBuiltServer, startFakeUpstream } from '../lib/processes'
import { median } from '../lib/stats'

const CATALOGUE = 10_000
// Typed one key at a time, about as fast as a person types; each ends in a different first row.
const QUERIES = [
  'mythos',
  'lyric 12',
  'sonata',
  'mythos 40',
  'lyric',
  'sonata 7',
  'haiku 9',
  'synthetic-opus',
  'sonnet',
]
const KEY_DELAY_MS = 80

// Notes each keydown's time and every long task, from before the page's own scripts run.
const WATCH = `(() => {
  window.__longTasks = []
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry) })
    .observe({ type: 'longtask' })
  addEventListener('keydown', () => { window.__lastKeydownAt = performance.now() }, true)
})()`

interface LongTask {
  startTime: number
  duration: number
}

export const filterResponsiveness: BenchItem = {
  id: '4',
  title: 'Filter responsiveness',
  floor: `the debounce (${FILTER_DEBOUNCE_MS} ms) plus one fetch of the same filtered page from the page itself`,
  async run({ ports, start, quick, log }) {
    const queries = quick ? QUERIES.slice(0, 3) : QUERIES
    const upstream = await start(() => startFakeUpstream({ port: ports.next(), models: CATALOGUE }))
    const server = await start(() =>
      startBuiltServer({ port: ports.next(), upstreamUrl: upstream.url, env: { CATALOGUE_TTL_SECONDS: '3600' } }),
    )
    const firstIdOf = async (q: string) => {
      const page = (await (await fetch(`${server.url}/api/models?limit=20&q=${encodeURIComponent(q)}`)).json()) as {
        data: { id: string }[]
      }
      if (!page.data[0]) throw new Error(`The filter "${q}" matches nothing in the catalogue`)
      if (q && page.data[0].id === unfiltered) throw new Error(`The filter "${q}" starts with the unfiltered first row`)
      return page.data[0].id
    }
    let unfiltered = ''
    unfiltered = await firstIdOf('')

    const browser = await launchBrowser()
    const updates: number[] = []
    const fetches: number[] = []
    let longTasks: LongTask[] = []
    let typingMs = 0
    try {
      const page = await browser.newPage()
      await page.addInitScript(WATCH)
      await page.goto(`${server.url}/`)
      await page.locator(FIRST_CELL, { hasText: unfiltered }).first().waitFor()
      const input = page.getByRole('searchbox')
      const typingStarted = (await page.evaluate('performance.now()')) as number
      for (const query of queries) {
        const expected = await firstIdOf(query)
        await input.click()
        await page.keyboard.type(query, { delay: KEY_DELAY_MS })
        updates.push(await msUntilFirstCellReads(page, { expected, since: 'lastKeydown' }))
        fetches.push(await msToFetch(page, `/api/models?q=${encodeURIComponent(query)}`))
        await input.fill('')
        await page.locator(FIRST_CELL, { hasText: unfiltered }).first().waitFor()
      }
      typingMs = ((await page.evaluate('performance.now()')) as number) - typingStarted
      longTasks = (
        (await page.evaluate(
          'window.__longTasks.map(({ startTime, duration }) => ({ startTime, duration }))',
        )) as LongTask[]
      ).filter((task) => task.startTime >= typingStarted)
    } finally {
      await browser.close()
    }
    const longest = Math.max(0, ...longTasks.map((task) => task.duration))
    log(`updates: ${updates.map((ms) => ms.toFixed(0)).join(', ')} ms; long tasks: ${longTasks.length}`)
    return [
      measure({
        name: `last keystroke → table updated, ${CATALOGUE.toLocaleString('en-US')} models, median of ${queries.length}`,
        unit: 'ms',
        project: median(updates),
        floor: FILTER_DEBOUNCE_MS + median(fetches),
        notes: `each: ${updates.map((ms) => ms.toFixed(0)).join(', ')} ms; a fetch of the filtered page took ${median(fetches).toFixed(1)} ms (median)`,
      }),
      measure({
        name: 'long tasks (> 50 ms) on the main thread while typing',
        unit: '',
        project: longTasks.length,
        goal: goals.zero(),
        notes: `${(typingMs / 1000).toFixed(1)} s of typing and clearing; the longest task took ${longest.toFixed(0)} ms`,
      }),
    ]
  },
}
