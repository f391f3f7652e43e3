import { expect, type APIRequestContext, type Page } from '@playwright/test'

type ListAnswer = { data: { id: string }[]; total: number }

/** The ids on screen, read once the table has settled (not busy, no skeleton rows). */
export async function visibleIds(page: Page): Promise<string[]> {
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
