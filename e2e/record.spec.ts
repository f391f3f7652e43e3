import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { DEMO_MODELS } from '../src/fake-upstream/demo-catalogue'
import { idsOfView, openShared, untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

const SHOWN_BY_DEFAULT = DEMO_MODELS.filter((model) => model.lifecycle !== 'retired').length

test.describe.configure({ mode: 'serial' })

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await fakeUpstream.models(DEMO_MODELS.map((model) => ({ ...model })))
  await untilCatalogueHas(request, SHOWN_BY_DEFAULT)
})

test.afterAll(async () => {
  await fakeUpstream.reset()
})

test('a shared link with a line and a capability facet shows the view the BFF gives, facets chosen', async ({
  browser,
  request,
}) => {
  const search = 'line=opus,sonnet&caps=thinking.types.adaptive'
  const page = await openShared(browser, `/?${search}`)
  const expected = await idsOfView(request, 'line=opus,sonnet&caps=thinking.types.adaptive')
  expect(expected.length).toBeGreaterThan(0)
  await expect.poll(() => visibleIds(page)).toEqual(expected)
  const line = page.getByRole('group', { name: 'Line' })
  await expect(line.getByRole('checkbox', { name: 'Opus' })).toBeChecked()
  await expect(line.getByRole('checkbox', { name: 'Haiku' })).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Adaptive thinking' })).toBeChecked()
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([])
  await page.context().close()
})

test('a shared link with retiring_within lists the deprecated models retiring by then', async ({ browser }) => {
  const page = await openShared(browser, '/?retiring_within=90')
  await expect(page.getByRole('combobox', { name: 'Retiring' })).toHaveValue('90')
  // Sonnet 4.5 retires on 30 Nov 2026, Opus 4.5 on 22 Jan 2027: within 90 days of the snapshot (taken on 30 Nov 2026), or overdue.
  await expect.poll(() => visibleIds(page)).toEqual(['claude-opus-4-5-20251101', 'claude-sonnet-4-5-20250929'])
  await page.context().close()
})

test('compare from a shared link: three models side by side, only differences, stacked at 375 px', async ({
  browser,
}) => {
  const page = await openShared(browser, '/?compare=claude-opus-4-6,claude-sonnet-4-6,claude-haiku-4-5-20251001')
  const compare = page.getByRole('region', { name: 'Compare models' })
  const row = (label: string) => compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) })
  await expect(row('Line')).toContainText('Haiku')
  await expect(row('Line')).toHaveAttribute('data-differs', 'true')
  await expect(row('Batch API')).toBeVisible()
  expect((await new AxeBuilder({ page }).include('section').analyze()).violations).toEqual([])

  await compare.getByRole('checkbox', { name: 'Only differences' }).check()
  await expect(row('Batch API')).toHaveCount(0)
  await expect(row('Line')).toBeVisible()

  await page.setViewportSize({ width: 375, height: 800 })
  const box = await compare.boundingBox()
  expect(box!.width).toBeLessThanOrEqual(375)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.context().close()
})

test("the dialog's snippets are copied whole, the id in them", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/?model=claude-opus-4-6')
  const dialog = page.getByRole('dialog', { name: 'Claude Opus 4.6' })
  await dialog.getByText('Use this model').click()
  await dialog.getByRole('button', { name: 'Copy TypeScript SDK' }).click()
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain("import Anthropic from '@anthropic-ai/sdk'")
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('model: "claude-opus-4-6",')
  await dialog.getByRole('button', { name: 'Copy curl' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('"model":"claude-opus-4-6"')
})
