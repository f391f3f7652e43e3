import { expect, test } from '@playwright/test'
import { DEMO_MODELS } from '../src/fake-upstream/demo-catalogue'
import { E2E_PORTS } from './support/ports'

const demo = `http://127.0.0.1:${E2E_PORTS.demo}`

test('with no API key, the page shows the first page of the demo catalogue', async ({ page }) => {
  await page.goto(demo)
  const listed = DEMO_MODELS.filter((model) => model.lifecycle !== 'retired')
  await expect(page.getByRole('row').filter({ hasText: listed[0]!.id }).first()).toBeVisible()
  for (const model of listed) {
    await expect(page.getByRole('cell', { name: model.id, exact: false }).first()).toBeVisible()
  }
  await expect(page.getByText(/demo/i).first()).toBeVisible()
})

test('the server says it runs on demo data and never sends a key', async ({ request }) => {
  const health = await request.get(`${demo}/api/health`)
  expect(health.status()).toBe(200)
  expect((await health.json()).mode).toBe('demo')
})
