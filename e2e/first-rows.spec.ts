import { expect, test } from '@playwright/test'
import { idsOfView, rangeText, untilCatalogueHas, untilInteractive, visibleIds } from './support/dashboard'
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

test('with JavaScript, the first page and the next come from the HTML: no /api/models request until Next, which prefetches the page after', async ({
  page,
  request,
}) => {
  const ids = await idsOfView(request, '')
  const listRequests: URLSearchParams[] = []
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname === '/api/models') listRequests.push(new URL(sent.url()).searchParams)
  })
  await page.goto('/', { waitUntil: 'networkidle' })
  await untilInteractive(page)
  const next = page.getByRole('button', { name: 'Next page' })
  await expect(next).toBeEnabled()
  await page.waitForLoadState('networkidle')
  expect(listRequests.map(String), 'the page shown and the one after it were in the HTML').toEqual([])

  await next.click()
  await expect(rangeText(page)).toHaveText(`21–40 of ${ids.length}`)
  expect(await visibleIds(page)).toEqual(ids.slice(20, 40))
  // On screen without a request of its own; the page after it is prefetched now, as before.
  await expect.poll(() => listRequests.map((search) => search.get('after_id'))).toEqual([ids[39]])
})
