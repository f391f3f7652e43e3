import { expect, type Page, test } from '@playwright/test'
import { rangeText, untilCatalogueHas, untilInteractive, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
})

test('a copied link opened in a new browser shows the same rows, sort, filter and dialog', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  // The page is the server's HTML until the script takes it over: typing before that would be lost.
  await untilInteractive(page)
  await page.getByLabel('Filter models').fill('synthetic 1')
  await page
    .getByRole('columnheader', { name: /Display name/ })
    .getByRole('button')
    .click()
  await expect(page).toHaveURL(/sort=display_name/)
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(rangeText(page)).toHaveText(/^21–40 of /)
  const rows = await visibleIds(page)
  const range = await rangeText(page).textContent()
  await page.getByRole('row').filter({ hasText: rows[3]! }).getByRole('button').nth(1).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`model=${rows[3]}`))

  await page.getByRole('dialog').getByRole('button', { name: 'Copy link' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(page.url())

  const stranger = await browser.newContext()
  const theirPage = await stranger.newPage()
  await theirPage.goto(copied)
  await expect(theirPage.getByRole('dialog')).toBeVisible()
  await expect(theirPage.getByRole('dialog').getByText(rows[3]!, { exact: true }).first()).toBeVisible()
  await untilInteractive(theirPage)
  await theirPage.keyboard.press('Escape')
  await expect(theirPage.getByRole('dialog')).toBeHidden()
  expect(await visibleIds(theirPage)).toEqual(rows)
  await expect(rangeText(theirPage)).toHaveText(range!)
  await expect(theirPage.getByLabel('Filter models')).toHaveValue('synthetic 1')
  await expect(theirPage.getByRole('columnheader', { name: /Display name/ })).toHaveAttribute('aria-sort', 'ascending')
  await stranger.close()
})

test('Back and Forward move between pages and the dialog as people expect', async ({ page }) => {
  await page.goto('/')
  const first = await visibleIds(page)
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(rangeText(page)).toHaveText(/^21–40/)
  await page.goBack()
  await expect(rangeText(page)).toHaveText(/^1–20/)
  expect(await visibleIds(page)).toEqual(first)
  await page.goForward()
  await expect(rangeText(page)).toHaveText(/^21–40/)
})

test('the detail dialog opens from a row click, traps focus, closes on Escape and returns focus to the row', async ({
  page,
}) => {
  await page.goto('/')
  const [id] = await visibleIds(page)
  const row = page.getByRole('row').filter({ hasText: id! })
  // A click on the row's date cell, not on a control, opens the model too.
  await row.locator('td').nth(2).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText(id!, { exact: true }).first()).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Copy ID' })).toBeVisible()
  for (let step = 0; step < 8; step += 1) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page).not.toHaveURL(/model=/)
  expect(await row.evaluate((element) => element.contains(document.activeElement))).toBe(true)
})

test('a link with a model opens its dialog, which loads every field of that model', async ({ page }) => {
  await page.goto('/?model=claude-sonnet-4-5')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  // The alias resolves through the upstream's retrieve endpoint.
  await expect(dialog.getByText('claude-sonnet-4-5-20250929').first()).toBeVisible()
  await expect(dialog.getByText('Claude Sonnet 4.5').first()).toBeVisible()
})

test('/ focuses the filter, and typing adds one history entry at its first key, not one per key', async ({ page }) => {
  await page.goto('/')
  await visibleIds(page)
  const before = await page.evaluate(() => history.length)
  await page.keyboard.press('/')
  await expect(page.getByLabel('Filter models')).toBeFocused()
  await page.keyboard.type('opus', { delay: 30 })
  await expect(page).toHaveURL(/q=opus/)
  expect(await page.evaluate(() => history.length)).toBe(before + 1)
  await expect(page.getByLabel('Filter models')).toHaveValue('opus')
})

// The steps below run in the page in one go, in one task: what a quick person does before anything else runs.

/** Opens a model once, so the dialog's code is loaded and the next opening shows it at once. */
async function loadTheDialog(page: Page, id: string) {
  await page.getByRole('row').filter({ hasText: id }).locator('td').nth(2).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page).not.toHaveURL(/model=/)
}

/** Opens the model of row `id` and, in the same task, clicks the dialog's button `label`; the URL at that moment. */
function openModelAndClick(page: Page, id: string, label: string): Promise<string> {
  return page.evaluate(
    async ([rowId, name]) => {
      const rows = [...document.querySelectorAll('tbody tr')]
      rows
        .find((row) => row.querySelector('td')?.textContent === rowId)!
        .querySelectorAll('td')[2]!
        .click()
      // React renders the dialog in a microtask.
      const button = () => document.querySelector<HTMLButtonElement>(`[role="dialog"] button[aria-label="${name}"]`)
      for (let tick = 0; tick < 100 && !button(); tick += 1) await Promise.resolve()
      const urlAtClick = location.href
      button()!.click()
      return urlAtClick
    },
    [id, label] as const,
  )
}

test('Copy link right after typing, or right after opening a model, copies that change', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await visibleIds(page)
  const before = page.url()
  const typedThenCopied = await page.evaluate(() => {
    const filter = document.querySelector<HTMLInputElement>('input[type="search"]')!
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(filter, 'opus 4')
    filter.dispatchEvent(new Event('input', { bubbles: true }))
    const urlAtCopy = location.href
    document.querySelector<HTMLButtonElement>('button[aria-label="Copy link"]')!.click()
    return urlAtCopy
  })
  // Written at once: the address bar has the change the moment it is made.
  expect(new URL(typedThenCopied).searchParams.get('q')).toBe('opus 4')
  expect(before).not.toContain('q=')
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('q=opus')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(new URL(copied).searchParams.get('q')).toBe('opus 4')
  await expect(page).toHaveURL(copied)

  const [id] = await visibleIds(page)
  await loadTheDialog(page, id!)
  const openedThenCopied = await openModelAndClick(page, id!, `Copy link to ${id}`)
  expect(new URL(openedThenCopied).searchParams.get('model')).toBe(id)
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('model=')
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()))
  expect(Object.fromEntries(link.searchParams)).toEqual({ q: 'opus 4', model: id })
  await expect(page).toHaveURL(link.href)
})

test('a model opened and closed at once leaves history as it was: Back goes to the page before', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(rangeText(page)).toHaveText(/^21–40/)
  await expect(page).toHaveURL(/after_id=/)
  const secondPage = page.url()
  const [id] = await visibleIds(page)
  await loadTheDialog(page, id!)
  await expect(page).toHaveURL(secondPage)

  await openModelAndClick(page, id!, 'Close')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page).toHaveURL(secondPage)
  await expect(rangeText(page)).toHaveText(/^21–40/)
  await page.goBack()
  await expect(rangeText(page)).toHaveText(/^1–20/)
  await expect(page).not.toHaveURL(/after_id=/)
})
