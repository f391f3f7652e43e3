import { expect, test } from '@playwright/test'
import { untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream, fakeUpstreamAt } from './support/fake-upstream'
import { E2E_PORTS } from './support/ports'

const cold = `http://127.0.0.1:${E2E_PORTS.cold}`
const coldUpstream = fakeUpstreamAt(E2E_PORTS.coldUpstream)

test('with no catalogue yet, each upstream failure is explained and Retry recovers', async ({ page }) => {
  // The cold upstream started out rejecting the key; this server has never had a snapshot.
  await coldUpstream.fault({ kind: 'status', status: 401 })
  await page.goto(cold)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText("The server's API key was rejected")
  const retry = alert.getByRole('button', { name: 'Retry' })

  await coldUpstream.fault({ kind: 'status', status: 529, retryAfterSeconds: 30 })
  await retry.click()
  await expect(alert).toContainText('overloaded')
  await expect(alert).toContainText(/30 s|seconds/)

  await coldUpstream.fault({ kind: 'status', status: 429, retryAfterSeconds: 30 })
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(alert).toContainText('rate limiting')

  await coldUpstream.fault({ kind: 'hang' })
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(alert).toContainText('did not answer in time')

  await coldUpstream.fault({ kind: 'reset' })
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(alert).toContainText(/could not reach|connection failed/i)

  await coldUpstream.fault(null)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('alert')).toBeHidden()
  expect((await visibleIds(page)).length).toBeGreaterThan(0)
})

test.describe('with a catalogue', () => {
  test.beforeEach(async ({ request }) => {
    await fakeUpstream.reset()
    await untilCatalogueHas(request, 300)
  })

  test('a failed refresh shows the old data with a warning saying when it is from and why', async ({ page }) => {
    await page.goto('/')
    const rows = await visibleIds(page)
    await fakeUpstream.fault({ kind: 'status', status: 500 })
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click()
      await expect(page.getByText(/Showing the catalogue as of/)).toBeVisible({ timeout: 2000 })
    }).toPass({ timeout: 20_000 })
    await expect(page.getByText(/internal problem/)).toBeVisible()
    expect(await visibleIds(page)).toEqual(rows)
    await expect(page.getByRole('alert')).toBeHidden()
    await fakeUpstream.fault(null)
  })

  test('a link whose cursor no longer exists falls back to the first page of the same view and says so', async ({
    page,
  }) => {
    await page.goto('/?q=sonnet&after_id=claude-gone-20240101')
    await expect(page.getByText(/first page/i).first()).toBeVisible()
    await expect(page).not.toHaveURL(/after_id/)
    await expect(page).toHaveURL(/q=sonnet/)
    expect((await visibleIds(page)).every((id) => id.includes('sonnet'))).toBe(true)
  })

  test('the detail dialog explains an upstream failure and Retry recovers', async ({ page }) => {
    await page.goto('/')
    await visibleIds(page)
    await fakeUpstream.fault({ kind: 'status', status: 403 })
    await page.goto('/?model=claude-haiku-4-5')
    const dialog = page.getByRole('dialog')
    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('lacks permission')
    await fakeUpstream.fault(null)
    // The server repeats the failed lookup until its Retry-After (LOOKUP_ERROR_TTL_MS, 5 s): Retry waits
    // for it, the error still on screen; then it asks the recovered upstream.
    await expect(alert.getByRole('button', { name: /^Retry in \d s$/ })).toBeDisabled()
    const retry = alert.getByRole('button', { name: 'Retry', exact: true })
    await expect(retry).toBeEnabled({ timeout: 10_000 })
    await expect(alert).toContainText('lacks permission')
    await retry.click()
    await expect(dialog.getByText('claude-haiku-4-5-20251001').first()).toBeVisible()
    await expect(dialog.getByRole('alert')).toBeHidden()
  })
})
