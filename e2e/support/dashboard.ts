import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test'

type ListAnswer = { data: { id: string }[]; total: number }

/** The ids on screen, read once the table (or, below the `sm` breakpoint, the list of cards) has settled. */
export async function visibleIds(page: Page): Promise<string[]> {
  if ((page.viewportSize()?.width ?? Infinity) < 640) {
    const cards = page.getByRole('list', { name: 'Models' })
    await expect(cards).toHaveAttribute('aria-busy', 'false')
    return cards
      .locator('[data-model-button]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-model-button') ?? ''))
  }
  const table = page.getByRole('table', { name: 'Models' })
  await expect(table).toHaveAttribute('aria-busy', 'false')
  return table
    .locator('tbody tr td:first-child')
    .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()).filter(Boolean))
}

/** Every id of a view, in order, straight from the BFF. */
export async function idsOfView(request: APIRequestContext, query: string): Promise<string[]> {
  const response = await request.get(`/api/models?${query}${query ? '&' : ''}limit=1000`)
  expect(response.ok()).toBe(true)
  return ((await response.json()) as ListAnswer).data.map((model) => model.id)
}

/** The range text of the pagination ("21–40 of 137"). */
export function rangeText(page: Page) {
  return page.getByRole('navigation', { name: 'Pages' }).locator('p')
}

/**
 * Waits until the BFF's snapshot holds `count` models, forcing refreshes (the
 * server allows one every 5 s) after a test switched the fake upstream's catalogue.
 */
export async function untilCatalogueHas(request: APIRequestContext, count: number): Promise<void> {
  await expect(async () => {
    const answer = (await (await request.get('/api/models?refresh=1&limit=1')).json()) as ListAnswer
    expect(answer.total).toBe(count)
  }).toPass({ timeout: 20_000, intervals: [500, 1000, 2000] })
}

/**
 * Walks again (a forced walk per 5 s) until the history holds `id` as gone now: it takes a second walk without it.
 * Asked of the model's own record, not of the changes: a removal recorded by an earlier attempt of the same tests
 * (a retry starts from a reset catalogue, which brings the model back) must not count.
 */
export async function untilRemovalRecorded(request: APIRequestContext, id: string): Promise<void> {
  await expect(async () => {
    await request.get('/api/models?refresh=1')
    const answer = (await (await request.get(`/api/seen?model_id=${encodeURIComponent(id)}`)).json()) as {
      data: { removed_at: string | null }[]
    }
    expect(answer.data[0]?.removed_at ?? null).not.toBeNull()
  }).toPass({ timeout: 30_000, intervals: [1000, 2000, 3000] })
}

/** Until the script has taken the server-rendered page over, so keys and clicks are answered (`<html data-interactive>`). */
export async function untilInteractive(page: Page): Promise<void> {
  await page.locator('html[data-interactive]').waitFor({ state: 'attached' })
}

/** A shared link opened in a new browser context, as someone it was sent to opens it. */
export async function openShared(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(path)
  return page
}
