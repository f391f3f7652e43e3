import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { idsOfView, rangeText, untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

// The live server has three workspaces (playwright.config.ts): default, staging (another workspace id of the
// same fake, which lists a variant of the catalogue) and broken (a key the fake refuses).
test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
})

test('the workspace selector switches catalogues, and a copied link opens the same workspace', async ({
  page,
  browser,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const staging = await idsOfView(request, 'workspace=staging')
  expect(staging.length).toBeLessThan(300)
  await page.goto('/')
  await expect(rangeText(page)).toHaveText('1–20 of 300')
  await page.getByLabel('Workspace').selectOption('staging')
  await expect(rangeText(page)).toHaveText(`1–20 of ${staging.length}`)
  await expect(page).toHaveURL(/[?&]ws=staging/)
  expect(await visibleIds(page)).toEqual(staging.slice(0, 20))

  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(rangeText(page)).toHaveText(`21–40 of ${staging.length}`)
  await page.getByRole('button', { name: 'Copy link' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(new URL(copied).searchParams.get('ws')).toBe('staging')

  const stranger = await browser.newContext()
  const theirPage = await stranger.newPage()
  await theirPage.goto(copied)
  await expect(rangeText(theirPage)).toHaveText(`21–40 of ${staging.length}`)
  await expect(theirPage.getByLabel('Workspace')).toHaveValue('staging')
  expect(await visibleIds(theirPage)).toEqual(staging.slice(20, 40))
  await stranger.close()

  await page.goBack()
  await expect(rangeText(page)).toHaveText(`1–20 of ${staging.length}`)
})

test('a workspace whose key is refused shows its error; the other workspaces keep working', async ({ page }) => {
  await page.goto('/?ws=broken')
  const alert = page.getByRole('alert').first()
  await expect(alert).toContainText('ANTHROPIC_API_KEY_BROKEN')
  await page.getByLabel('Workspace').selectOption('default')
  await expect(rangeText(page)).toHaveText('1–20 of 300')
})

test('the Availability view compares the workspaces, and its URL reproduces the view', async ({
  page,
  browser,
  request,
}) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Availability' }).click()
  const table = page.getByRole('table', { name: 'Availability' })
  await expect(table.getByRole('columnheader')).toHaveText(['Model', 'Released', 'default', 'broken', 'staging'])
  await expect(page.getByRole('alert')).toContainText('Workspace broken: its catalogue could not be read')
  // Unknown, with the workspace's error as its description (shown on hover or focus).
  await expect(table.locator('tbody tr').first().locator('td').nth(3)).toHaveText(/^Unknown/)

  await page.getByLabel('Only models that differ between workspaces').check()
  await table.getByRole('columnheader', { name: 'staging' }).getByRole('button').click()
  await table.getByRole('columnheader', { name: 'staging' }).getByRole('button').click()
  await expect(table.getByRole('columnheader', { name: 'staging' })).toHaveAttribute('aria-sort', 'descending')
  const expected = (await (await request.get('/api/availability?limit=50&differs=1&sort=-status:staging')).json()) as {
    data: { id: string }[]
    total: number
  }
  expect(expected.total).toBeGreaterThan(0)
  await expect(rangeText(page)).toHaveText(`1–${Math.min(50, expected.total)} of ${expected.total}`)
  // Absent sorts last ascending, so first descending.
  await expect(table.locator('tbody tr').first().locator('td').nth(4)).toHaveText('Absent')
  await expect(page).toHaveURL(/avail_sort=-status(:|%3A)staging/)

  const stranger = await browser.newContext()
  const theirPage = await stranger.newPage()
  await theirPage.goto(page.url())
  const theirTable = theirPage.getByRole('table', { name: 'Availability' })
  await expect(theirTable.getByRole('columnheader', { name: 'staging' })).toHaveAttribute('aria-sort', 'descending')
  await expect(theirPage.getByLabel('Only models that differ between workspaces')).toBeChecked()
  await expect(rangeText(theirPage)).toHaveText(`1–${Math.min(50, expected.total)} of ${expected.total}`)
  await stranger.close()
})

test('the BFF refuses an unknown workspace with a 400 that names the known ones', async ({ request }) => {
  const response = await request.get('/api/models?workspace=prod')
  expect(response.status()).toBe(400)
  expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
    'There is no workspace called "prod" on this server. Its workspaces: default, broken, staging.',
  )
})

test('an export in a workspace is that workspace’s view, named after it', async ({ page, request }) => {
  const staging = await idsOfView(request, 'workspace=staging')
  await page.goto('/?ws=staging')
  await expect(rangeText(page)).toHaveText(`1–20 of ${staging.length}`)
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^models-staging-all-\d{4}-\d\d-\d\d\.csv$/)
})

test('axe finds no accessibility violation in the Availability view, light or dark, and at 375 px it is a list of cards', async ({
  page,
}, testInfo) => {
  // Two whole-page axe runs and a page at 375 px: a few seconds each on a busy machine.
  test.setTimeout(60_000)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.goto('/?view=availability')
    await expect(page.getByRole('table', { name: 'Availability' }).locator('tbody tr').first()).toContainText(/\S/)
    await expect(page.getByRole('table', { name: 'Availability' })).toHaveAttribute('aria-busy', 'false')
    expect((await new AxeBuilder({ page }).analyze()).violations, `availability, ${colorScheme}`).toEqual([])
  }
  await page.setViewportSize({ width: 375, height: 900 })
  await page.goto('/?view=availability')
  await expect(page.getByRole('list', { name: 'Availability' })).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByRole('table', { name: 'Availability' })).toBeHidden()
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
  expect(scrolls, 'the page itself never scrolls sideways').toBe(false)
  await testInfo.attach('availability-dark-375.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})
