import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { idsOfView, rangeText, untilCatalogueHas, untilInteractive, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

const CATALOGUE_SIZE = 300

/** Clicks an export link and gives the downloaded file's name and text. */
async function download(page: Page, name: 'Export CSV' | 'Export JSON') {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()])
  const path = await file.path()
  return { filename: file.suggestedFilename(), text: await readFile(path, 'utf8') }
}

/** The first cell of each CSV record after the header (ids never need quoting). */
const csvIds = (text: string) =>
  text
    .split('\r\n')
    .slice(1, -1)
    .map((record) => record.split(',')[0])

test.describe('export', () => {
  test.beforeEach(async ({ request }) => {
    await fakeUpstream.reset()
    await untilCatalogueHas(request, CATALOGUE_SIZE)
  })

  test('Export CSV and Export JSON download the whole filtered, sorted view, not the page on screen', async ({
    page,
    request,
  }) => {
    const view = await idsOfView(request, 'q=synthetic&sort=-display_name')
    expect(view.length).toBeGreaterThan(40)
    await page.goto('/?q=synthetic&sort=-display_name')
    await expect(rangeText(page)).toHaveText(`1–20 of ${view.length}`)
    await page.getByRole('button', { name: 'Next page' }).click()
    await expect(rangeText(page)).toHaveText(`21–40 of ${view.length}`)

    const csv = await download(page, 'Export CSV')
    expect(csv.filename).toMatch(/^models-synthetic-by-display_name-desc-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv.text.split('\r\n')[0]).toMatch(/^id,display_name,created_at,type/)
    expect(csvIds(csv.text)).toEqual(view)

    const json = await download(page, 'Export JSON')
    expect(json.filename).toMatch(/^models-synthetic-by-display_name-desc-\d{4}-\d{2}-\d{2}\.json$/)
    expect((JSON.parse(json.text) as { id: string }[]).map((model) => model.id)).toEqual(view)
  })

  test('hostile names arrive quoted and unable to run as formulas', async ({ page, request }) => {
    const models = [
      { id: 'hostile-formula', type: 'model', display_name: "=cmd|' /C calc'!A0", created_at: '2026-01-02T00:00:00Z' },
      {
        id: 'hostile-quotes',
        type: 'model',
        display_name: 'Say "hi", twice\nplease',
        created_at: '2026-01-01T00:00:00Z',
      },
    ]
    await fakeUpstream.models(models)
    await untilCatalogueHas(request, models.length)
    await page.goto('/')
    const csv = await download(page, 'Export CSV')
    expect(csv.filename).toMatch(/^models-all-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv.text).toContain("hostile-formula,'=cmd|' /C calc'!A0,")
    expect(csv.text).toContain('hostile-quotes,"Say ""hi"", twice\nplease",')
    await fakeUpstream.reset()
    await untilCatalogueHas(request, CATALOGUE_SIZE)
  })
})

test.describe('keyboard and id check', () => {
  test.beforeEach(async ({ request }) => {
    await fakeUpstream.reset()
    await untilCatalogueHas(request, CATALOGUE_SIZE)
  })

  test('"?" opens the list of shortcuts and Esc closes it', async ({ page }) => {
    await page.goto('/')
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
    await untilInteractive(page)
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Next page')
    await expect(dialog).toContainText('Focus the filter')
    await page.keyboard.press('n')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
  })

  test('"n" and "p" page forward and back, and "/" focuses the filter', async ({ page, request }) => {
    const catalogue = await idsOfView(request, '')
    await page.goto('/')
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
    // The range is in the server's HTML: keys are answered once the script has taken the page over.
    await untilInteractive(page)
    await page.keyboard.press('n')
    await expect(rangeText(page)).toHaveText(`21–40 of ${CATALOGUE_SIZE}`)
    expect(await visibleIds(page)).toEqual(catalogue.slice(20, 40))
    await page.keyboard.press('n')
    await expect(rangeText(page)).toHaveText(`41–60 of ${CATALOGUE_SIZE}`)
    await page.keyboard.press('p')
    await expect(rangeText(page)).toHaveText(`21–40 of ${CATALOGUE_SIZE}`)
    await page.keyboard.press('/')
    await expect(page.getByRole('searchbox', { name: 'Filter models' })).toBeFocused()
  })

  test('shortcuts are ignored while typing in a field', async ({ page }) => {
    await page.goto('/')
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
    await untilInteractive(page)
    const filter = page.getByRole('searchbox', { name: 'Filter models' })
    await filter.click()
    await page.keyboard.type('n?p')
    await expect(filter).toHaveValue('n?p')
    await expect(page.getByRole('dialog')).toBeHidden()
    await filter.fill('')
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)

    const check = page.getByRole('textbox', { name: 'Check a model id' })
    await check.click()
    await page.keyboard.type('n/p')
    await expect(check).toHaveValue('n/p')
    await expect(filter).not.toBeFocused()
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
  })

  test('"Check a model id" resolves an alias and says when the key cannot use an id', async ({ page }) => {
    await page.goto('/')
    const check = page.getByRole('textbox', { name: 'Check a model id' })
    await check.fill('claude-sonnet-4-5')
    await check.press('Enter')
    await expect(page.getByText(/claude-sonnet-4-5 resolves to claude-sonnet-4-5-20250929/)).toBeVisible()
    await check.fill('claude-nope-1')
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await expect(page.getByText(/cannot use claude-nope-1/)).toBeVisible()
  })

  test('at 375 px the export links, the id check and the shortcuts button fit without sideways scrolling', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto('/')
    await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
    await untilInteractive(page)
    // On a phone the export links are folded into Filters with the other controls.
    await page.getByRole('button', { name: /^Filters/ }).click()
    for (const control of [
      page.getByRole('link', { name: 'Export CSV' }),
      page.getByRole('link', { name: 'Export JSON' }),
      page.getByRole('textbox', { name: 'Check a model id' }),
      page.getByRole('button', { name: 'Keyboard shortcuts' }),
    ]) {
      const box = await control.boundingBox()
      expect(box).not.toBeNull()
      expect(box!.x + box!.width).toBeLessThanOrEqual(375)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  })
})
