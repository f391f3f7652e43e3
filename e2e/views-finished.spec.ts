import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { rangeText, untilCatalogueHas } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

// The live server has three workspaces (playwright.config.ts): default, staging and broken.
test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
})

/** The app's one polite live region. */
const liveRegion = (page: import('@playwright/test').Page) => page.locator('[aria-live="polite"]')

test('Back after the first keystroke of a filter returns to the view before it', async ({ page }) => {
  await page.goto('/')
  await expect(rangeText(page)).toHaveText('1–20 of 300')
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(rangeText(page)).toHaveText('21–40 of 300')
  await expect(page).toHaveURL(/after_id=/)
  const secondPage = page.url()

  await page.getByRole('searchbox', { name: 'Filter models' }).pressSequentially('synthetic 1', { delay: 30 })
  await expect(page).toHaveURL(/q=synthetic/)
  await page.goBack()
  await expect(page).toHaveURL(secondPage)
  await expect(rangeText(page)).toHaveText('21–40 of 300')
  await expect(page.getByRole('searchbox', { name: 'Filter models' })).toHaveValue('')
})

test('a sort and a filter are announced politely with their results', async ({ page }) => {
  await page.goto('/')
  await expect(rangeText(page)).toHaveText('1–20 of 300')
  await expect(liveRegion(page)).toHaveCount(1)
  await page.getByRole('columnheader', { name: 'Released' }).getByRole('button').click()
  await expect(liveRegion(page)).toHaveText('Sorted by Released, oldest first. 300 models.')
  await page.getByRole('searchbox', { name: 'Filter models' }).fill('zzz-no-such-model')
  await expect(liveRegion(page)).toHaveText('Sorted by Released, oldest first. No models match.')
})

test('the Availability matrix exports as CSV and JSON, and its rows open the model', async ({ page }) => {
  await page.goto('/?view=availability&avail_differs=true')
  const matrix = page.getByRole('table', { name: 'Availability' })
  await expect(matrix.locator('tbody tr').first()).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true })).toHaveCount(0)

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/^availability-differs-by-created_at-desc-\d{4}-\d{2}-\d{2}\.csv$/)
  const lines = readFileSync((await csv.path())!, 'utf8').split('\r\n')
  expect(lines[0]).toBe('id,display_name,created_at,status:default,status:broken,status:staging')
  expect(lines.slice(1).every((line) => line === '' || /,unknown,/.test(line))).toBe(true)

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export JSON' }).click(),
  ])
  const rows = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { id: string; status: object }[]
  const page1 = await matrix.locator('tbody tr').count()
  expect(rows.length).toBeGreaterThanOrEqual(page1)

  const first = rows[0]!
  await matrix.locator('tbody tr').first().getByRole('button').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`model=${first.id}`))
})

test('an Unknown cell says the workspace’s error on keyboard focus', async ({ page }) => {
  await page.goto('/?view=availability')
  const unknown = page.getByRole('table', { name: 'Availability' }).locator('[tabindex="0"]').first()
  await unknown.focus()
  const tooltip = unknown.getByRole('tooltip')
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toContainText('Workspace broken')
  await expect(unknown).toHaveAccessibleDescription(/Workspace broken: .*API key/)
})
