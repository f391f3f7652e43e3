import { availableParallelism, loadavg } from 'node:os'
import { FILTER_DEBOUNCE_MS } from '../../src/features/models/hooks/use-models-search-params'
import { type BenchItem, goals, measure } from '../lib/bench-item'
import { FIRST_CELL, launchBrowser, msToFetch, msUntilFirstCellReads } from '../lib/browser'
import { type MainThreadTask, tracedMainThreadTasks } from '../lib/main-thread-tasks'
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
const LONG_TASK_MS = 50

// Notes each keydown's time, and every long task to tell when the page has settled, from before its own scripts run.
const WATCH = `(() => {
  window.__longTasks = []
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry) })
    .observe({ type: 'longtask' })
  addEventListener('keydown', () => { window.__lastKeydownAt = performance.now() }, true)
})()`

// Resolves once the main thread has had QUIET_MS with no long task (or after SETTLE_LIMIT_MS on a machine
// too busy for that) and an idle callback has run.
const QUIET_MS = 500
const SETTLE_LIMIT_MS = 5000
const UNTIL_QUIET = `new Promise((resolve) => {
  const giveUpAt = performance.now() + ${SETTLE_LIMIT_MS}
  const check = () => {
    const last = window.__longTasks.at(-1)
    const since = last ? performance.now() - (last.startTime + last.duration) : Infinity
    if (since >= ${QUIET_MS} || performance.now() > giveUpAt) requestIdleCallback(() => resolve(undefined))
    else setTimeout(check, ${QUIET_MS} - since)
  }
  check()
})`

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
    let tasks: MainThreadTask[] = []
    let typingMs = 0
    try {
      const page = await browser.newPage()
      await page.addInitScript(WATCH)
      await page.goto(`${server.url}/`)
      await page.locator(FIRST_CELL, { hasText: unfiltered }).first().waitFor()
      // The first row is not the end of the page's load: the take-over, /api/seen and the lazy
      // chunks still arrive and are handled after it. Their long tasks belong to the cold load (item 2), not
      // to typing, so typing starts once the page has settled, as it would for a person who reads first.
      await page.waitForLoadState('networkidle')
      await page.evaluate(UNTIL_QUIET)
      const input = page.getByRole('searchbox')
      const typingStarted = performance.now()
      tasks = await tracedMainThreadTasks(browser, page, async () => {
        for (const query of queries) {
          const expected = await firstIdOf(query)
          await input.click()
          await page.keyboard.type(query, { delay: KEY_DELAY_MS })
          updates.push(await msUntilFirstCellReads(page, { expected, since: 'lastKeydown' }))
          fetches.push(await msToFetch(page, `/api/models?q=${encodeURIComponent(query)}`))
          await input.fill('')
          await page.locator(FIRST_CELL, { hasText: unfiltered }).first().waitFor()
        }
      })
      typingMs = performance.now() - typingStarted
    } finally {
      await browser.close()
    }
    // The goal counts tasks by the work they did (thread time); the Long Tasks API's count (wall time, which
    // includes waiting for a core while other processes run) is in the notes, with the machine's load.
    const longByWork = tasks.filter((task) => task.cpuMs > LONG_TASK_MS)
    const longByWall = tasks.filter((task) => task.wallMs > LONG_TASK_MS)
    const most = (key: keyof MainThreadTask) => Math.max(0, ...tasks.map((task) => task[key])).toFixed(0)
    log(
      `updates: ${updates.map((ms) => ms.toFixed(0)).join(', ')} ms; tasks over ${LONG_TASK_MS} ms: ` +
        `${longByWork.length} by thread time, ${longByWall.length} by wall time (load average ${loadavg()[0]!.toFixed(1)})`,
    )
    return [
      measure({
        name: `last keystroke → table updated, ${CATALOGUE.toLocaleString('en-US')} models, median of ${queries.length}`,
        unit: 'ms',
        project: median(updates),
        floor: FILTER_DEBOUNCE_MS + median(fetches),
        notes: `each: ${updates.map((ms) => ms.toFixed(0)).join(', ')} ms; a fetch of the filtered page took ${median(fetches).toFixed(1)} ms (median)`,
      }),
      measure({
        name: `long tasks (> ${LONG_TASK_MS} ms of main-thread time) while typing`,
        unit: '',
        project: longByWork.length,
        goal: goals.zero(),
        notes:
          `${(typingMs / 1000).toFixed(1)} s of typing and clearing, ${tasks.length} tasks; the longest took ${most('cpuMs')} ms ` +
          `of thread time. By wall time ${longByWall.length} took over ${LONG_TASK_MS} ms (longest ${most('wallMs')} ms), ` +
          `at a load average of ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      }),
    ]
  },
}
