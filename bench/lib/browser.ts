import { type Browser, chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium'

/** Headless Chromium for the browser items; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

/**
 * The CSS selector of a data cell of the models table or of the floor's bare
 * table: the first `td` of a body row, which holds the model's id.
 */
export const FIRST_CELL = 'tbody tr td:first-child'

/**
 * An init script (it runs before any of the page's own) that notes, in
 * `window.__firstRowAt`, the time since navigation start at which a body cell
 * holding `modelId` entered the DOM, parsed from the HTML or written by script.
 */
export function firstRowWatcher(modelId: string): string {
  return `(() => {
    const id = ${JSON.stringify(modelId)}
    const seen = () => [...document.querySelectorAll(${JSON.stringify(FIRST_CELL)})].some((cell) => cell.textContent.includes(id))
    const observer = new MutationObserver(() => {
      if (window.__firstRowAt === undefined && seen()) {
        window.__firstRowAt = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })()`
}

/** Waits for `firstRowWatcher`'s time and returns it, in ms since navigation start. */
export async function firstRowAt(page: Page): Promise<number> {
  // A function, not text: the page's CSP forbids evaluating text in it.
  const handle = await page.waitForFunction(() => (window as { __firstRowAt?: number }).__firstRowAt, null, {
    timeout: 30_000,
  })
  return (await handle.jsonValue()) as number
}

// In-page code is passed as text: tsx's transform wraps named functions in a helper the page does not have.
const UNTIL_FIRST_CELL_READS = `({ expected, click, since, selector }) =>
  new Promise((resolve, reject) => {
    const start = since === 'lastKeydown' ? window.__lastKeydownAt : performance.now()
    const reads = () => (document.querySelector(selector)?.textContent ?? '').includes(expected)
    // The rAF callback runs before the frame's paint; the task after it runs once that frame is out.
    const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)))
    const timer = setTimeout(() => reject(new Error('The first row never read ' + expected)), 20000)
    const done = () => {
      observer.disconnect()
      clearTimeout(timer)
      painted()
    }
    const observer = new MutationObserver(() => reads() && done())
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    if (click) document.querySelector(click).click()
    else if (reads()) done()
  })`

/**
 * In the page: from now (or from the last keydown), clicks `click` if given
 * and resolves with the ms until the first body cell reads `expected` and the
 * frame showing it has been painted.
 */
export async function msUntilFirstCellReads(
  page: Page,
  options: { expected: string; click?: string; since?: 'lastKeydown' },
): Promise<number> {
  const args = JSON.stringify({ ...options, selector: FIRST_CELL })
  return (await page.evaluate(`(${UNTIL_FIRST_CELL_READS})(${args})`)) as number
}

/** In the page: the ms one fetch of `path` takes, bypassing the HTTP cache. */
export async function msToFetch(page: Page, path: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const started = performance.now()
    await (await fetch(${JSON.stringify(path)}, { cache: 'no-store' })).text()
    return performance.now() - started
  })()`)) as number
}
