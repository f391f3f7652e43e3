import { type APIRequestContext, expect, test } from '@playwright/test'
import { syntheticCatalogue } from '../src/fake-upstream/synthetic-catalogue'
import { untilCatalogueHas, untilInteractive, untilRemovalRecorded } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

const CATALOGUE_SIZE = 300
const LEAVING = 'claude-haiku-4-5-20251001'

/** Refreshes the server's snapshot (one forced walk per 5 s) until `id` is in it. */
async function untilListed(request: APIRequestContext, id: string): Promise<void> {
  await expect(async () => {
    const answer = (await (await request.get(`/api/models?refresh=1&q=${id}`)).json()) as { total: number }
    expect(answer.total).toBe(1)
  }).toPass({ timeout: 20_000, intervals: [500, 1000, 2000] })
}

test.describe('catalogue history', () => {
  // Unique per run: the live server's history outlives a test run.
  const arrival = `claude-e2e-arrival-${Date.now()}`

  test.beforeAll(async ({ request }) => {
    // Two forced walks at least 5 s apart, after the catalogue is back to its usual self.
    test.setTimeout(60_000)
    await fakeUpstream.reset()
    await untilCatalogueHas(request, CATALOGUE_SIZE)
    // The next walk finds one model more and one fewer; the removal is recorded by the walk after it.
    const catalogue = syntheticCatalogue(CATALOGUE_SIZE).filter((model) => model.id !== LEAVING)
    await fakeUpstream.models([
      { id: arrival, type: 'model', display_name: 'Claude E2E Arrival', created_at: '2026-11-01T00:00:00Z' },
      ...catalogue,
    ])
    await untilListed(request, arrival)
    await untilRemovalRecorded(request, LEAVING)
  })

  test.afterAll(async ({ request }) => {
    await fakeUpstream.reset()
    await untilCatalogueHas(request, CATALOGUE_SIZE)
  })

  test('a model that just arrived has a New badge', async ({ page }) => {
    await page.goto(`/?q=${arrival}`)
    const row = page.getByRole('table', { name: 'Models' }).locator('tbody tr').filter({ hasText: arrival })
    await expect(row.getByText('New', { exact: true })).toBeVisible()
  })

  test('the Changes view lists the addition and the removal with dates, and has its own address', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Changes' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('changes')
    const changes = page.getByRole('list', { name: 'Changes' })
    const added = changes.getByRole('listitem').filter({ hasText: arrival })
    await expect(added).toContainText('Added')
    await expect(added.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)
    await expect(changes.getByRole('listitem').filter({ hasText: LEAVING }).first()).toContainText('Removed')

    await page.goBack()
    await expect(page.getByRole('table', { name: 'Models' })).toBeVisible()
    await page.goForward()
    await expect(page.getByRole('list', { name: 'Changes' })).toBeVisible()
  })

  test('the Changes view shows only the kinds checked, and its URL keeps them', async ({ page, browser }) => {
    await page.goto('/?view=changes')
    const changes = page.getByRole('list', { name: 'Changes' })
    await expect(changes.getByRole('listitem').filter({ hasText: arrival })).toBeVisible()
    await page.getByRole('checkbox', { name: 'Added' }).uncheck()
    await expect(changes.getByRole('listitem').filter({ hasText: arrival })).toHaveCount(0)
    await expect(changes.getByRole('listitem').filter({ hasText: LEAVING }).first()).toContainText('Removed')
    await expect
      .poll(() => new URL(page.url()).searchParams.get('kinds'))
      .toBe('removed,display_name_changed,lifecycle_changed')

    const stranger = await browser.newContext()
    const theirPage = await stranger.newPage()
    await theirPage.goto(page.url())
    await expect(theirPage.getByRole('checkbox', { name: 'Added' })).not.toBeChecked()
    await expect(
      theirPage.getByRole('list', { name: 'Changes' }).getByRole('listitem').filter({ hasText: LEAVING }).first(),
    ).toBeVisible()
    await expect(
      theirPage.getByRole('list', { name: 'Changes' }).getByRole('listitem').filter({ hasText: arrival }),
    ).toHaveCount(0)
    await stranger.close()
  })

  test('removed models can be searched: "gone since" a date, the search in the URL', async ({ page }) => {
    await page.goto('/?view=changes')
    await page.getByRole('searchbox', { name: 'Search removed models' }).fill('haiku-4-5')
    const removed = page.getByRole('list', { name: 'Removed models' })
    await expect(removed.getByRole('listitem').filter({ hasText: LEAVING })).toContainText(/gone since \d{1,2} \w{3}/)
    await expect(page).toHaveURL(/gone=haiku-4-5/)
    await page.reload()
    await expect(page.getByRole('searchbox', { name: 'Search removed models' })).toHaveValue('haiku-4-5')
  })
  test('a kind unchecked and a search typed before the page’s script ran still apply once it runs', async ({
    page,
  }) => {
    // The script held back, as on a slow phone: the server's page is on screen and takes clicks and keys already.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/assets/*.js', async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/?view=changes', { waitUntil: 'commit' })
    await page.getByRole('checkbox', { name: 'Added' }).uncheck()
    await page.getByRole('searchbox', { name: 'Search removed models' }).fill('haiku-4-5')
    await expect(page.locator('html[data-interactive]')).toHaveCount(0)

    release()
    await untilInteractive(page)
    await expect
      .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
      .toMatchObject({ kinds: 'removed,display_name_changed,lifecycle_changed', gone: 'haiku-4-5' })
    await expect(page.getByRole('checkbox', { name: 'Added' })).not.toBeChecked()
    const changes = page.getByRole('list', { name: 'Changes' })
    await expect(changes.getByRole('listitem').filter({ hasText: arrival })).toHaveCount(0)
    const removed = page.getByRole('list', { name: 'Removed models' }).getByRole('listitem')
    await expect(removed.filter({ hasText: LEAVING })).toBeVisible()
    // Only the models the early search names.
    for (const text of await removed.allTextContents()) expect(text).toContain('haiku-4-5')
  })

  test('a model opened while the Changes view’s code was still arriving opens once it has', async ({ page }) => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/assets/lazy-panels-*.js', async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/?view=changes')
    const changes = page.getByRole('list', { name: 'Changes' })
    await changes.getByRole('listitem').filter({ hasText: arrival }).getByRole('button').click()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    release()
    await expect(page.getByRole('dialog', { name: 'Claude E2E Arrival' })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`model=${arrival}`))
  })

  test('a change opens its model; a removed model opens a dialog that says when it left', async ({ page }) => {
    await page.goto('/?view=changes')
    const changes = page.getByRole('list', { name: 'Changes' })
    await changes.getByRole('listitem').filter({ hasText: arrival }).getByRole('button').click()
    const dialog = page.getByRole('dialog', { name: 'Claude E2E Arrival' })
    await expect(dialog.getByText('Released', { exact: true })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    // Focus goes back to the row it was opened from.
    await expect(changes.getByRole('listitem').filter({ hasText: arrival }).getByRole('button')).toBeFocused()

    await page
      .getByRole('list', { name: 'Removed models' })
      .getByRole('listitem')
      .filter({ hasText: LEAVING })
      .getByRole('button')
      .click()
    const removed = page.getByRole('dialog')
    await expect(
      removed.getByText(/^Removed from the catalogue on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/),
    ).toBeVisible()
    await expect(removed).toContainText('already in the catalogue when the history began')
    await expect(removed.getByRole('alert')).toHaveCount(0)
    await expect(page).toHaveURL(new RegExp(`model=${LEAVING}`))
  })

  test('since= lists only what happened from that day, and the field writes it to the URL', async ({ page }) => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await page.goto(`/?view=changes&since=${tomorrow}`)
    await expect(page.getByText(/^No changes recorded since \d{1,2} [A-Z][a-z]{2} \d{4}\.$/)).toBeVisible()
    await page.getByLabel('Changes since (UTC)').fill('2020-01-01')
    await expect(page).toHaveURL(/since=2020-01-01/)
    await expect(
      page.getByRole('list', { name: 'Changes' }).getByRole('listitem').filter({ hasText: arrival }),
    ).toBeVisible()
  })
})
