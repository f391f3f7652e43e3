import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { DEMO_MODELS } from '../src/fake-upstream/demo-catalogue'
import { idsOfView, openShared, untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

/**
 * A model of a later API: a line the dashboard does not know, a field and a capability it has no name for.
 * The upstream is the e2e fake, serving the full 2026-10-21 records of the demo line-up plus this one.
 */
const LATER = {
  ...DEMO_MODELS.find((model) => model.id === 'claude-opus-4-6')!,
  id: 'claude-aurora-1',
  display_name: 'Claude Aurora 1 (preview, long display name)',
  created_at: '2026-11-20T00:00:00Z',
  line: 'aurora',
  speed_tier: '<b>priority</b>',
  capabilities: {
    ...DEMO_MODELS.find((model) => model.id === 'claude-opus-4-6')!.capabilities!,
    audio_input: { supported: true },
  },
}
const SHOWN_BY_DEFAULT = DEMO_MODELS.filter((model) => model.lifecycle !== 'retired').length + 1

test.describe.configure({ mode: 'serial' })

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await fakeUpstream.models([LATER, ...DEMO_MODELS.map((model) => ({ ...model }))])
  await untilCatalogueHas(request, SHOWN_BY_DEFAULT)
})

test.afterAll(async () => {
  await fakeUpstream.reset()
})

test('compare by ticking rows: compare= in the URL, Compare (N), and the link reopens the comparison', async ({
  page,
  browser,
}) => {
  await page.goto('/')
  const ids = (await visibleIds(page)).slice(0, 3)
  for (const id of ids) await page.getByRole('checkbox', { name: `Compare ${id}` }).check()
  await expect(page).toHaveURL(new RegExp(`compare=${ids.map(encodeURIComponent).join('(%2C|,)')}`))
  const bar = page.getByRole('region', { name: 'Models chosen to compare' })
  await bar.getByRole('button', { name: 'Compare (3)' }).click()
  const compare = page.getByRole('region', { name: 'Compare models' })
  await expect(compare).toBeFocused()
  const idRow = compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'ID' }) })
  for (const id of ids) await expect(idRow).toContainText(id)
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([])

  const shared = await openShared(browser, new URL(page.url()).search.replace(/^/, '/'))
  const sharedRow = shared
    .getByRole('region', { name: 'Compare models' })
    .getByRole('row')
    .filter({ has: shared.getByRole('rowheader', { name: 'ID' }) })
  for (const id of ids) await expect(sharedRow).toContainText(id)
  for (const id of ids) await expect(shared.getByRole('checkbox', { name: `Compare ${id}` })).toBeChecked()
  await shared.context().close()
})

test('a shared link with a line the dashboard does not know keeps it and shows what the BFF matches', async ({
  browser,
  request,
}) => {
  const page = await openShared(browser, '/?line=aurora,opus')
  expect(await idsOfView(request, 'line=aurora,opus')).toContain('claude-aurora-1')
  await expect.poll(() => visibleIds(page)).toEqual(await idsOfView(request, 'line=aurora,opus'))
  const line = page.getByRole('group', { name: 'Line' })
  const aurora = line.getByRole('checkbox', { name: 'aurora (from the link, not a known line)' })
  await expect(aurora).toBeChecked()
  // The link is left as it was sent.
  expect(new URL(page.url()).searchParams.get('line')).toBe('aurora,opus')
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([])

  // Unticked, it is gone from the choices (it is no line the dashboard offers).
  await aurora.click()
  await expect(aurora).toHaveCount(0)
  await expect(page).toHaveURL(/line=opus(&|$)/)
  await expect.poll(() => visibleIds(page)).toEqual(await idsOfView(request, 'line=opus'))
  await page.context().close()
})

test('columns: every one but the display name toggles, in cols=; the display name is never cut at 1280 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/')
  const table = page.getByRole('table', { name: 'Models' })
  const headers = () => table.getByRole('columnheader').allTextContents()
  await expect.poll(headers).toEqual(['ID', 'Display name', 'Line', 'Released'])
  await page.getByRole('button', { name: 'Columns' }).click()
  for (const name of ['Type', 'Context window', 'Max output']) await page.getByRole('checkbox', { name }).check()
  await expect(page).toHaveURL(/cols=type%2Cmax_input_tokens%2Cmax_tokens|cols=type,max_input_tokens,max_tokens/)
  await expect.poll(headers).toEqual(['ID', 'Display name', 'Line', 'Released', 'Type', 'Context window', 'Max output'])
  // Every column on: no display name is cut. Where the other columns leave it no room it wraps instead.
  const cutNames = () =>
    table
      .locator('[data-model-button]')
      .evaluateAll((buttons) => buttons.filter((button) => button.scrollWidth > button.clientWidth).length)
  expect(await cutNames()).toBe(0)
  await page.screenshot({ path: test.info().outputPath('all-columns-1280.png') })

  await page.getByRole('checkbox', { name: 'ID' }).uncheck()
  await expect.poll(headers).toEqual(['Display name', 'Line', 'Released', 'Type', 'Context window', 'Max output'])
  await expect(page.getByRole('checkbox', { name: 'Display name' })).toBeDisabled()
  // The room the ID column leaves goes to the display name: the longest one is on one line.
  const longest = table.locator('[data-model-button="claude-aurora-1"]')
  expect((await longest.boundingBox())!.height).toBeLessThan(30)
  expect(await cutNames()).toBe(0)
  await page.reload()
  await expect.poll(headers).toEqual(['Display name', 'Line', 'Released', 'Type', 'Context window', 'Max output'])
})

test('a field and a capability the dashboard does not know show in compare and the dialog, as text, and export', async ({
  page,
  request,
}) => {
  await page.goto('/?compare=claude-aurora-1,claude-opus-4-6')
  const compare = page.getByRole('region', { name: 'Compare models' })
  const row = (label: string) => compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) })
  await expect(row('speed_tier')).toContainText('<b>priority</b>')
  await expect(row('Audio input')).toContainText('Supported')
  await expect(compare.locator('b')).toHaveCount(0)

  await page.goto('/?model=claude-aurora-1')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('speed_tier')).toBeVisible()
  await expect(dialog.getByText('<b>priority</b>')).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Newer capabilities' })).toContainText('Audio input')

  const json = (await (await request.get('/api/models/export?format=json&line=aurora')).json()) as Record<
    string,
    unknown
  >[]
  expect(json).toEqual([LATER])
  const csv = await (await request.get('/api/models/export?format=csv&line=aurora')).text()
  const [header, first] = csv.split('\r\n')
  expect(header!.split(',').at(-1)).toBe('speed_tier')
  expect(first).toContain('<b>priority</b>')
})
