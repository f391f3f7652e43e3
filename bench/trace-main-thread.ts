/**
 * `npx tsx bench/trace-main-thread.ts [--runs N] [--only name,name] [--detail] [--profile]` (after `npm run build`):
 * the main thread's work when the browser takes over each server-rendered view of issue 10 (item 10's views),
 * and for its interactions (item 10b's), from Chromium traces. Wall-clock figures move with the machine's load;
 * the trace's thread time (CPU ms) is the work. A tool for looking into items 10 and 10b, not a bench item.
 *
 * Loads are traced unthrottled and scaled by 4, as Lighthouse's mobile run simulates them: "blocking at 4×" is
 * the sum of (4 × task − 50 ms) over tasks, Lighthouse's Total Blocking Time without the network. Interactions
 * run with the CPU 4× slower (CDP), as item 10b does; their CPU ms are the throttled thread's, from the input
 * until the page has settled. `--detail` lists the tasks and what they spent their time on; `--profile` adds
 * the functions with the most time (a V8 CPU profile; build with `npx vite build --minify false` to read names).
 */
import type { Browser, Page } from '@playwright/test'
import { launchBrowser } from './lib/browser'
import type { MainThreadTask } from './lib/main-thread-tasks'
import { portAllocator } from './lib/ports'
import { type RunningProcess, startBuiltServer, startFakeUpstream } from './lib/processes'
import { median } from './lib/stats'
import { INTERACTIONS } from './items/interaction-latency'
import { VIEWS, VIEWS_SERVER_ENV } from './items/lighthouse-views'

const LOAD_SCALE = 4
const BLOCKING_MS = 50

const args = process.argv.slice(2)
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3
const PROFILE = args.includes('--profile')
const DETAIL = args.includes('--detail')
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null

interface Summary {
  cpuMs: number
  longestCpuMs: number
  blockingAt4xMs: number
  longestWallMs: number
}

function summarise(tasks: MainThreadTask[], scale: number): Summary {
  const cpu = tasks.map((task) => task.cpuMs)
  return {
    cpuMs: cpu.reduce((sum, each) => sum + each, 0),
    longestCpuMs: Math.max(0, ...cpu),
    blockingAt4xMs: cpu.reduce((sum, each) => sum + Math.max(0, each * scale - BLOCKING_MS), 0),
    longestWallMs: Math.max(0, ...tasks.map((task) => task.wallMs)),
  }
}

const fmt = (value: number) => value.toFixed(0).padStart(5)

function report(name: string, runs: Summary[]) {
  const of = (pick: (summary: Summary) => number) => fmt(median(runs.map(pick)))
  console.log(
    `${name.padEnd(34)} CPU ${of((s) => s.cpuMs)} ms | longest task CPU ${of((s) => s.longestCpuMs)} ms | ` +
      `blocking at 4× ${of((s) => s.blockingAt4xMs)} ms | longest wall ${of((s) => s.longestWallMs)} ms  (median of ${runs.length})`,
  )
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  hitCount?: number
  children?: number[]
}

/** Runs `during` under V8's sampling profiler and prints the functions with the most self time. */
async function profiled(page: Page, during: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  await during()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)!.callFrame
    const file = frame.url.split('/').pop() ?? ''
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}:${frame.columnNumber}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  })
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)
  for (const [key, ms] of top) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${key}`)
  // Inclusive time: each sample counts once for every function on its stack.
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const total = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const keys = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byNode.get(at)!.callFrame
      if (!frame.url) continue
      keys.add(`${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`)
    }
    for (const key of keys) total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  })
  console.log('  inclusive:')
  const topTotal = [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 150)
  for (const [key, ms] of topTotal) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${key}`)
}

interface RawEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { url?: string; functionName?: string } }
}

/**
 * The complete events of the page's renderer main thread: the renderer that parsed the page's HTML (not the
 * blank page's, nor one of Chromium's own pages, which headless Chromium also renders and traces).
 */
function pageRendererMain(events: RawEvent[], origin: string): RawEvent[] {
  // Where tracing started, Chromium lists the frames with their processes; a navigation commits in a new one.
  const pids = new Set<number>()
  for (const event of events) {
    const data = (event.args as { data?: { frames?: { url?: string; processId?: number }[]; frame?: string } })?.data
    for (const frame of data?.frames ?? [])
      if (frame.url?.includes(origin) && frame.processId) pids.add(frame.processId)
    if (event.name === 'ParseHTML' && JSON.stringify(event.args ?? {}).includes(origin)) pids.add(event.pid)
  }
  const mains = events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain')
  const threads = (pids.size ? mains.filter((main) => pids.has(main.pid)) : mains).map((main) =>
    events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X'),
  )
  // Should the trace name no frame of the page, the renderer that worked most.
  const work = (thread: RawEvent[]) => thread.reduce((sum, e) => sum + (e.name === 'RunTask' ? (e.tdur ?? 0) : 0), 0)
  return threads.sort((a, b) => work(b) - work(a))[0] ?? []
}

async function tracedTasks(browser: Browser, page: Page, during: () => Promise<void>): Promise<MainThreadTask[]> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] })
  await during()
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: RawEvent[] }).traceEvents
  return pageRendererMain(events, new URL(page.url()).host)
    .filter((e) => e.name === 'RunTask')
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }))
}

/** Prints each task of more than 8 ms CPU with the events directly inside it (what the task spent its time on). */
async function detailedTrace(browser: Browser, page: Page, during: () => Promise<void>, overUs = 4000) {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] })
  await during()
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: RawEvent[] }).traceEvents
  const onMain = pageRendererMain(events, new URL(page.url()).host)
  // Where the thread's time went, by the outermost event inside each task.
  const runTasks = onMain.filter((e) => e.name === 'RunTask')
  const byKind = new Map<string, number>()
  for (const task of runTasks) {
    const end = task.ts + (task.dur ?? 0)
    const inside = onMain.filter(
      (e) => e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end,
    )
    const outermost = inside.filter(
      (e) =>
        !inside.some(
          (o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0),
        ),
    )
    let accounted = 0
    for (const e of outermost) {
      const url = e.args?.data?.url
        ?.split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '.js')
      const what = url ? `${e.name}(${url})` : e.name
      byKind.set(what, (byKind.get(what) ?? 0) + (e.tdur ?? 0) / 1000)
      accounted += (e.tdur ?? 0) / 1000
    }
    byKind.set('(task, other)', (byKind.get('(task, other)') ?? 0) + Math.max(0, (task.tdur ?? 0) / 1000 - accounted))
  }
  console.log(
    '    by kind: ' +
      [...byKind.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', '),
  )
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.tdur ?? 0) > overUs)
  const t0 = Math.min(...onMain.map((e) => e.ts))
  for (const task of tasks) {
    const inside = onMain.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && e.name !== 'RunTask',
    )
    const parts = new Map<string, number>()
    for (const e of inside) {
      const what = e.args?.data?.url
        ? `${e.name}(${e.args.data.url.split('/').pop()})`
        : e.args?.data?.functionName
          ? `${e.name}(${e.args.data.functionName})`
          : e.name
      parts.set(what, (parts.get(what) ?? 0) + (e.tdur ?? 0) / 1000)
    }
    const top = [...parts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    console.log(
      `    at ${((task.ts - t0) / 1000).toFixed(0).padStart(5)} ms: task CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms: ${top.join(', ')}`,
    )
  }
}

async function traceLoad(browser: Browser, url: string, detail = false): Promise<Summary> {
  const page = await browser.newPage()
  try {
    const during = async () => {
      await page.goto(url)
      await page.locator('html[data-interactive]').waitFor()
      await page.waitForLoadState('networkidle')
    }
    if (detail) {
      await detailedTrace(browser, page, during)
      return summarise([], LOAD_SCALE)
    }
    const tasks = await tracedTasks(browser, page, during)
    return summarise(tasks, LOAD_SCALE)
  } finally {
    await page.close()
  }
}

async function profileLoad(browser: Browser, url: string) {
  const page = await browser.newPage()
  try {
    await profiled(page, async () => {
      await page.goto(url)
      await page.locator('html[data-interactive]').waitFor()
      await page.waitForLoadState('networkidle')
    })
  } finally {
    await page.close()
  }
}

async function settled(page: Page) {
  await page.locator('table[aria-busy="false"]').first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
}

async function traceInteraction(browser: Browser, url: string, interaction: (typeof INTERACTIONS)[number]) {
  const page = await browser.newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(url)
  await page.locator('html[data-interactive]').waitFor()
  await settled(page)
  const runs: Summary[] = []
  try {
    for (let round = 0; round < RUNS * 2; round++) {
      const act = async () => {
        await interaction.act(page, round)
        await settled(page)
      }
      if (DETAIL && round === 1) {
        console.log(`  tasks of ${interaction.name} (CPU 4× slower, over 16 ms):`)
        await detailedTrace(browser, page, act, 16_000)
      } else if (PROFILE && round === 2) {
        // The input's own work: from the click to the paint after it (two frames), not the settling after.
        console.log(`  profile of ${interaction.name} (CPU 4× slower):`)
        await profiled(page, async () => {
          await interaction.act(page, round)
          await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))')
        })
        await settled(page)
      } else {
        runs.push(summarise(await tracedTasks(browser, page, act), 1))
      }
      if (await page.getByRole('dialog').isVisible()) {
        await page.keyboard.press('Escape')
        await settled(page)
      }
    }
  } finally {
    await page.close()
  }
  return runs
}

async function main() {
  const ports = portAllocator('bench')
  const started: RunningProcess[] = []
  const browser = await launchBrowser()
  try {
    const upstream = await startFakeUpstream({ port: ports.next() })
    started.push(upstream)
    const server = await startBuiltServer({
      port: ports.next(),
      upstreamUrl: upstream.url,
      env: VIEWS_SERVER_ENV,
    })
    started.push(server)
    for (const workspace of ['', '?workspace=staging']) await fetch(`${server.url}/api/models${workspace}`)
    console.log('Take-over of each server-rendered view (unthrottled trace; blocking scaled to 4× CPU):')
    for (const view of VIEWS) {
      if (ONLY && !ONLY.includes(view.name)) continue
      const runs: Summary[] = []
      await traceLoad(browser, `${server.url}${view.path}`) // warm the server's page cache
      for (let run = 0; run < RUNS; run++) runs.push(await traceLoad(browser, `${server.url}${view.path}`))
      report(view.name, runs)
      if (PROFILE) await profileLoad(browser, `${server.url}${view.path}`)
      if (DETAIL) for (let run = 0; run < RUNS; run++) await traceLoad(browser, `${server.url}${view.path}`, true)
    }
    const manyUpstream = await startFakeUpstream({ port: ports.next(), models: 300 })
    started.push(manyUpstream)
    const many = await startBuiltServer({
      port: ports.next(),
      upstreamUrl: manyUpstream.url,
      env: { CATALOGUE_TTL_SECONDS: '3600' },
    })
    started.push(many)
    await fetch(`${many.url}/api/models`)
    console.log('Interactions, CPU 4× slower (CPU ms are the throttled thread time):')
    for (const interaction of INTERACTIONS) {
      if (ONLY && !ONLY.includes(interaction.name)) continue
      report(interaction.name, await traceInteraction(browser, `${many.url}/`, interaction))
    }
  } finally {
    await browser.close()
    for (const process of started.reverse()) await process.stop()
  }
}

await main()
