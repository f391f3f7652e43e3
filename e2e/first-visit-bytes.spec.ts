import { type Browser, expect, test } from '@playwright/test'

// What a fresh browser may transfer on a first visit to `/`: issue #10's goal, 110 KB with brotli. Met with a margin:
// 107.3 KB in the full suite's order on 2026-12-01, 107.0 KB alone (the page with the table, the phone's cards and the
// next page's answer embedded, so no API request; the stylesheet; the entry script). README, Performance, says what
// makes it and what brought it down.
const BUDGET_BYTES = 110 * 1024

interface Transfer {
  url: string
  /** As it came over the wire (CDP's encodedDataLength): headers and the body as sent, compressed or not. */
  bytes: number
  encoding: string
}

/**
 * A first visit to `/` in a fresh context, no cache: the page, its scripts and
 * styles, the API calls and whatever loads lazily before the page settles.
 */
async function firstVisit(browser: Browser): Promise<{ files: Transfer[]; total: number; listing: string }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const urls = new Map<string, string>()
  const encodings = new Map<string, string>()
  const transferred = new Map<string, number>()
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url))
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const encoding = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')
    encodings.set(requestId, encoding?.[1] ?? 'identity')
  })
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => transferred.set(requestId, encodedDataLength))

  await page.goto('/', { waitUntil: 'networkidle' })
  await expect(page.getByRole('table')).toBeVisible()
  await context.close()

  const files = [...transferred].map(([id, bytes]) => ({
    url: urls.get(id) ?? id,
    bytes,
    encoding: encodings.get(id) ?? 'unknown',
  }))
  const total = files.reduce((sum, file) => sum + file.bytes, 0)
  const listing = [
    `first visit to /: ${(total / 1024).toFixed(1)} KB over the wire`,
    ...files.map((file) => `${file.url}: ${(file.bytes / 1024).toFixed(1)} KB (${file.encoding})`),
  ].join('\n')
  return { files, total, listing }
}

test('a first visit gets the scripts, the styles, the page and its API answers in brotli, as the browser negotiates', async ({
  browser,
}) => {
  const { files, listing } = await firstVisit(browser)
  const assets = files.filter((file) => /\/assets\/.+\.(?:js|css)$/.test(file.url))
  expect(assets.length, listing).toBeGreaterThanOrEqual(2)
  for (const asset of assets) expect(asset.encoding, `${asset.url}\n${listing}`).toBe('br')
  expect(files.find((file) => new URL(file.url).pathname === '/')?.encoding, listing).toBe('br')
  const answers = files.filter((file) => new URL(file.url).pathname.startsWith('/api/'))
  for (const answer of answers) expect(answer.encoding, `${answer.url}\n${listing}`).toBe('br')
})

test(`a first visit to / transfers at most ${BUDGET_BYTES / 1024} KB`, async ({ browser }) => {
  const { total, listing } = await firstVisit(browser)
  console.log(listing)
  expect(total, listing).toBeLessThanOrEqual(BUDGET_BYTES)
})
