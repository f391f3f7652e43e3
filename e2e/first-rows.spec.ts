import { expect, test } from '@playwright/test'
import { idsOfView, untilCatalogueHas } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the first rows of the view in the URL are in the HTML the server sends', async ({ page, request }) => {
    const ids = (await idsOfView(request, 'q=sonnet&sort=-created_at')).slice(0, 20)
    await page.goto('/?q=sonnet&sort=-created_at')
    const cells = page.getByRole('table', { name: 'Models' }).locator('tbody tr td:first-child')
    await expect(cells).toHaveCount(ids.length)
    expect((await cells.allTextContents()).map((text) => text.trim())).toEqual(ids)
  })
})

test('with JavaScript, the first page comes from the HTML: no /api/models request for it', async ({ page }) => {
  const listRequests: string[] = []
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname === '/api/models') listRequests.push(new URL(sent.url()).search)
  })
  await page.goto('/?q=sonnet')
  const table = page.getByRole('table', { name: 'Models' })
  await expect(table).toHaveAttribute('aria-busy', 'false')
  // The dashboard has taken over: its pagination knows the next page, which it prefetches.
  await expect(page.getByRole('button', { name: 'Next page' })).toBeEnabled()
  await expect.poll(() => listRequests.length).toBeGreaterThan(0)
  expect(listRequests.every((search) => search.includes('after_id='))).toBe(true)
})
