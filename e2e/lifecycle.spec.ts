import { expect, type Page, test } from '@playwright/test'
import { DEMO_MODELS } from '../src/fake-upstream/demo-catalogue'
import { idsOfView, rangeText, untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

const RETIRED = DEMO_MODELS.filter((model) => model.lifecycle === 'retired').map((model) => model.id)
const SHOWN_BY_DEFAULT = DEMO_MODELS.length - RETIRED.length
// An upstream that gives no token limits for one model (null, as API 2026-10-21 says it): shown as unknown, and last.
const SERVED = DEMO_MODELS.map((model) =>
  model.id === 'claude-sonnet-4-6' ? { ...model, max_input_tokens: null, max_tokens: null } : { ...model },
)

const rowOf = (page: Page, id: string) =>
  page.getByRole('table', { name: 'Models' }).locator('tbody tr').filter({ hasText: id })

test.describe('lifecycle and capabilities', () => {
  test.beforeEach(async ({ page, request }) => {
    await fakeUpstream.reset()
    await fakeUpstream.models(SERVED)
    await untilCatalogueHas(request, SHOWN_BY_DEFAULT)
    // Sonnet 4.5 retires on 30 Nov 2026: 20 days from this clock, so its badge is red.
    await page.clock.setFixedTime(new Date('2026-11-10T12:00:00Z'))
  })

  test.afterAll(async () => {
    await fakeUpstream.reset()
  })

  test('the Lifecycle filter adds retired models after the others, greyed, and the URL keeps it', async ({
    page,
    request,
  }) => {
    // A page that holds the whole line-up, retired models included.
    await page.goto('/?limit=50')
    await expect(rangeText(page)).toHaveText(`1–${SHOWN_BY_DEFAULT} of ${SHOWN_BY_DEFAULT}`)
    const lifecycle = page.getByRole('group', { name: 'Lifecycle' })
    await expect(lifecycle.getByRole('checkbox', { name: 'Active' })).toBeChecked()
    await expect(lifecycle.getByRole('checkbox', { name: 'Retired' })).not.toBeChecked()

    await lifecycle.getByRole('checkbox', { name: 'Retired' }).check()
    await expect(rangeText(page)).toHaveText(`1–${DEMO_MODELS.length} of ${DEMO_MODELS.length}`)
    await expect.poll(() => new URL(page.url()).searchParams.get('lifecycle')).toBe('active,deprecated,retired')
    const ids = await visibleIds(page)
    expect(ids).toEqual(await idsOfView(request, 'lifecycle=active,deprecated,retired'))
    expect(ids.slice(-RETIRED.length)).toEqual(RETIRED)
    for (const id of RETIRED) {
      await expect(rowOf(page, id)).toHaveAttribute('data-lifecycle', 'retired')
      await expect(rowOf(page, id).getByText('Retired', { exact: true })).toBeVisible()
    }

    // The address alone gives the same view in a new page.
    const again = await page.context().newPage()
    await again.goto(page.url())
    expect(await visibleIds(again)).toEqual(ids)
    await again.close()
  })

  test('a deprecated model shows when it retires, red within 30 days', async ({ page }) => {
    await page.goto('/')
    const soon = rowOf(page, 'claude-sonnet-4-5-20250929').getByText('Retires 30 Nov 2026')
    await expect(soon).toBeVisible()
    await expect(soon).toHaveAttribute('data-soon', 'true')
    const later = rowOf(page, 'claude-opus-4-5-20251101').getByText('Retires 22 Jan 2027')
    await expect(later).toBeVisible()
    await expect(later).not.toHaveAttribute('data-soon', 'true')
  })

  // Sonnet 4.5 retires at 2026-11-30T00:00:00Z: an hour before that instant it is still to come, an hour after
  // it overdue, in the badge and the dialog alike (the comparison is between instants, not calendar days).
  for (const [clock, badge, sentence] of [
    ['2026-11-29T23:00:00Z', 'Retires 30 Nov 2026', /retires 30 Nov 2026 — (tomorrow|in 1 hour)/],
    ['2026-11-30T01:00:00Z', 'Retirement overdue', /retires 30 Nov 2026 — Retirement overdue: it was due/],
  ] as const) {
    test(`at ${clock}, the badge and the dialog agree: ${badge}`, async ({ page }) => {
      await page.clock.setFixedTime(new Date(clock))
      await page.goto('/')
      const row = rowOf(page, 'claude-sonnet-4-5-20250929')
      await expect(row.getByText(badge)).toBeVisible()
      await row.getByRole('button', { name: 'Claude Sonnet 4.5' }).click()
      const plan = page.getByRole('dialog').getByRole('region', { name: 'Retirement planning' })
      await expect(plan).toContainText(sentence)
      await expect(page.getByRole('dialog')).not.toContainText('yesterday')
    })
  }

  test('the Columns menu works by keyboard, shows Context window and Max output, and they sort', async ({
    page,
    request,
  }) => {
    await page.goto('/')
    await expect(rangeText(page)).toHaveText(`1–${SHOWN_BY_DEFAULT} of ${SHOWN_BY_DEFAULT}`)
    const table = page.getByRole('table', { name: 'Models' })
    await expect(table.getByRole('columnheader', { name: 'Context window' })).toHaveCount(0)

    const columns = page.getByRole('button', { name: 'Columns' })
    await columns.focus()
    await page.keyboard.press('Enter')
    await expect(columns).toHaveAttribute('aria-expanded', 'true')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('checkbox', { name: 'ID' })).toBeFocused()
    // Display name cannot be hidden (its box is disabled, so Tab passes it): Line, Released, Type, Context window.
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Tab')
    await expect(page.getByRole('checkbox', { name: 'Context window' })).toBeFocused()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await page.keyboard.press('Escape')
    await expect(columns).toHaveAttribute('aria-expanded', 'false')
    await expect(columns).toBeFocused()
    await expect.poll(() => new URL(page.url()).searchParams.get('cols')).toBe('max_input_tokens,max_tokens')

    await expect(table.getByRole('columnheader', { name: 'Context window' })).toBeVisible()
    await expect(rowOf(page, 'claude-opus-5-5')).toContainText('1,000,000')
    await table.getByRole('button', { name: 'Context window' }).click()
    await expect(table.getByRole('columnheader', { name: 'Context window' })).toHaveAttribute('aria-sort', 'ascending')
    await expect.poll(() => visibleIds(page)).toEqual(await idsOfView(request, 'sort=max_input_tokens'))
    // Limits the upstream does not give are unknown, and last.
    await expect(rowOf(page, 'claude-sonnet-4-6')).toContainText('Unknown')
  })

  test('the detail dialog lists the capabilities in plain words', async ({ page }) => {
    await page.goto('/?model=claude-haiku-4-5-20251001')
    const dialog = page.getByRole('dialog', { name: 'Claude Haiku 4.5' })
    for (const words of ['Batch API', 'PDF input', 'Extended thinking']) {
      await expect(dialog.getByRole('list', { name: words }).getByRole('listitem').first()).toContainText(
        `${words}Supported`,
      )
    }
    await expect(
      dialog.getByRole('list', { name: 'Extended thinking' }).getByRole('listitem').filter({ hasText: 'Adaptive' }),
    ).toContainText('Not supported')
    await expect(dialog).toContainText('64,000')
  })

  test('a seed-era upstream (four fields) works: every model counts as active, no badges', async ({
    page,
    request,
  }) => {
    await fakeUpstream.shape('seed')
    await untilCatalogueHas(request, DEMO_MODELS.length)
    await page.goto('/?limit=50')
    await expect(rangeText(page)).toHaveText(`1–${DEMO_MODELS.length} of ${DEMO_MODELS.length}`)
    await expect(page.getByRole('table', { name: 'Models' }).getByText(/Retires|Retired|Deprecated/)).toHaveCount(0)
    await page.getByRole('group', { name: 'Lifecycle' }).getByRole('checkbox', { name: 'Retired' }).check()
    await page.getByRole('group', { name: 'Lifecycle' }).getByRole('checkbox', { name: 'Active' }).uncheck()
    await page.getByRole('group', { name: 'Lifecycle' }).getByRole('checkbox', { name: 'Deprecated' }).uncheck()
    // The stage chosen matches nothing; the catalogue itself is not empty.
    await expect(page.getByText('No models match with the filters chosen.')).toBeVisible()
  })

  test('at 375 px the filter and the menu fit and the extra columns are lines of each card', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto('/?cols=max_input_tokens,max_tokens')
    await expect(rangeText(page)).toHaveText(`1–${SHOWN_BY_DEFAULT} of ${SHOWN_BY_DEFAULT}`)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(375)
    const card = page.getByRole('list', { name: 'Models' }).getByRole('listitem').first()
    await expect(card.getByRole('term')).toContainText(['Context window', 'Max output'])
    await page.getByRole('button', { name: /^Filters/ }).click()
    await page.getByRole('button', { name: 'Columns' }).click()
    const panel = page.getByRole('group', { name: 'Columns shown' })
    const box = await panel.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true)
  })
})
