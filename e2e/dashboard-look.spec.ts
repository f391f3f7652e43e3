import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quotes"'

test.describe.configure({ mode: 'serial' })

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
})

test('axe finds no accessibility violation on the main view or the dialog', async ({ page }) => {
  // Four whole-page axe runs (each page holds both the table and the phone's cards): a few seconds each on a busy machine.
  test.setTimeout(60_000)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.goto('/')
    await visibleIds(page)
    expect((await new AxeBuilder({ page }).analyze()).violations, `main view, ${colorScheme}`).toEqual([])
    await page.goto('/?model=claude-opus-4-6')
    await expect(page.getByRole('dialog').getByText('claude-opus-4-6').first()).toBeVisible()
    expect((await new AxeBuilder({ page }).analyze()).violations, `dialog, ${colorScheme}`).toEqual([])
  }
})

test('screenshots of the main view in light and dark mode, wide and at 375 px', async ({ page }, testInfo) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 })
      await page.emulateMedia({ colorScheme })
      await page.goto('/')
      await visibleIds(page)
      const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
      expect(scrolls, 'the page itself never scrolls sideways').toBe(false)
      await testInfo.attach(`main-${colorScheme}-${width}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      })
    }
  }
})

test('hostile display names are shown as text, never run', async ({ page, request }) => {
  const hostile = [
    { id: 'claude-hostile-1', type: 'model', display_name: HOSTILE_NAME, created_at: '2026-01-01T00:00:00Z' },
    {
      id: 'claude-hostile-2',
      type: 'model',
      display_name: '"><svg onload=alert(1)>',
      created_at: '1970-01-01T00:00:00Z',
    },
  ]
  await fakeUpstream.models(hostile)
  await untilCatalogueHas(request, hostile.length)
  page.on('dialog', () => {
    throw new Error('a script from the upstream ran')
  })
  await page.goto('/')
  await expect(page.getByRole('button', { name: HOSTILE_NAME })).toBeVisible()
  await expect(page.getByRole('button', { name: '"><svg onload=alert(1)>' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'claude-hostile-2' })).toContainText('Unknown')
  await page.getByRole('button', { name: HOSTILE_NAME }).click()
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText(HOSTILE_NAME)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  // Neither in the table nor in the phone's cards (both are in the page; CSS shows one).
  expect(await page.locator('main img, main svg[onload], [role=dialog] img').count()).toBe(0)
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
})
