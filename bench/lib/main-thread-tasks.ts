import type { Browser, Page } from '@playwright/test'

/** One task of the page's main thread: its wall time and the CPU time the thread spent on it, in ms. */
export interface MainThreadTask {
  wallMs: number
  cpuMs: number
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/**
 * Runs `during` while Chromium traces the page's renderer, and returns every
 * task its main thread ran, with both durations. The Long Tasks API reports
 * wall time only: on a shared machine, a task of 6 ms of work on a thread that
 * waits for a core reads as 50–80 ms. The trace's thread time is the work.
 */
export async function tracedMainThreadTasks(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<MainThreadTask[]> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] })
  await during()
  const trace = await browser.stopTracing()
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const main = events.find((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain')
  if (!main) throw new Error('The trace has no renderer main thread')
  return events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.pid === main.pid && event.tid === main.tid)
    .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? 0) / 1000 }))
}
