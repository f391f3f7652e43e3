import { expect, test } from '@playwright/test'

test('each view a link names has its title and preview tags from the server, kept by the dashboard', async ({
  page,
}) => {
  await page.goto('/?view=changes')
  await expect(page).toHaveTitle('Changes · Model catalogue')
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Changes · Model catalogue')
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /changed in the model catalogue/)

  // The server's page for a search, and the dashboard's title once the view changes in place.
  const response = await page.request.get('/?q=opus')
  expect(await response.text()).toContain('<title>“opus” · Model catalogue</title>')
  await page.goto('/?q=opus')
  await expect(page).toHaveTitle('“opus” · Model catalogue')
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Changes' }).click()
  await expect(page).toHaveTitle('Changes · Model catalogue')
})

test('an unknown path is a 404 page, robots.txt disallows all, and the favicon is served', async ({ page }) => {
  const missing = await page.goto('/no/such/page')
  expect(missing?.status()).toBe(404)
  await expect(page).toHaveTitle('Not found · Model catalogue')
  await expect(page.getByRole('link', { name: 'the model catalogue' })).toHaveAttribute('href', '/')

  const robots = await page.request.get('/robots.txt')
  expect(robots.status()).toBe(200)
  expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n')
  const favicon = await page.request.get('/favicon.svg')
  expect(favicon.status()).toBe(200)
  expect(favicon.headers()['content-type']).toContain('image/svg+xml')
  expect((await page.request.get('/favicon.ico')).status()).toBe(404)
})
