import { expect, type Page, test } from '@playwright/test'
import { OIDC_PROVIDER, SIGN_IN_DASHBOARD } from './support/sign-in'

// Filters, a cursor (after_id) and an open dialog: a link someone shared, opened before signing in.
const DEEP_LINK = `${SIGN_IN_DASHBOARD}/?q=claude&sort=display_name&after_id=claude-haiku-5-5&model=claude-opus-4-8`

/** The provider's development login form takes any login name; the account's email is that name. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${OIDC_PROVIDER}/interaction/`))
  await page.getByPlaceholder('Enter any login').fill(login)
  await page.getByPlaceholder('and password').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
}

test('signing in through the provider lands back on the shared link, filters, cursor and dialog intact', async ({
  page,
}) => {
  await page.goto(DEEP_LINK)
  await signInAtProvider(page, 'ada@example.com')
  await expect(page).toHaveURL(DEEP_LINK)
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page.getByRole('dialog').getByText('claude-opus-4-8', { exact: true }).first()).toBeVisible()
  await expect(page.getByLabel('Filter models')).toHaveValue('claude')
  await page.keyboard.press('Escape')
  await expect(page.getByText('Signed in as')).toContainText('ada@example.com')

  await page.getByRole('link', { name: 'Sign out' }).click()
  // The provider asks whether to end its own session too.
  await expect(page).toHaveURL(new RegExp(`^${OIDC_PROVIDER}/session/end`))
  await page.getByRole('button', { name: /Yes, sign me out/i }).click()
  await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible()
  await expect(page).toHaveURL(`${SIGN_IN_DASHBOARD}/auth/signed-out`)

  const api = await page.request.get(`${SIGN_IN_DASHBOARD}/api/models`)
  expect(api.status()).toBe(401)
})

test('an account that is not allowed gets a page naming it, and no dashboard', async ({ page }) => {
  await page.goto(`${SIGN_IN_DASHBOARD}/`)
  await signInAtProvider(page, 'eve@elsewhere.org')
  await expect(page.getByRole('heading', { name: 'This account may not use the dashboard' })).toBeVisible()
  await expect(page.getByText('You are signed in as eve@elsewhere.org')).toBeVisible()
  expect((await page.request.get(`${SIGN_IN_DASHBOARD}/api/models`)).status()).toBe(401)
})
