import { expect, test } from '@playwright/test'
import { idsOfView, rangeText, untilCatalogueHas, visibleIds } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

const CATALOGUE_SIZE = 300

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, CATALOGUE_SIZE)
})

test('walking every page forward and back shows the whole catalogue once, and going back asks the server nothing', async ({
  page,
  request,
}) => {
  const catalogue = await idsOfView(request, '')
  await page.goto('/?limit=50')
  await expect(rangeText(page)).toHaveText(`1–50 of ${CATALOGUE_SIZE}`)

  const pages: string[][] = [await visibleIds(page)]
  const next = page.getByRole('button', { name: 'Next page' })
  while (await next.isEnabled()) {
    await next.click()
    await expect(rangeText(page)).toHaveText(new RegExp(`^${pages.length * 50 + 1}–`))
    pages.push(await visibleIds(page))
  }
  const forward = pages.flat()
  expect(forward).toEqual(catalogue)
  expect(new Set(forward).size).toBe(forward.length)

  const listRequests: string[] = []
  page.on('request', (sent) => {
    if (new URL(sent.url()).pathname === '/api/models') listRequests.push(sent.url())
  })
  const previous = page.getByRole('button', { name: 'Previous page' })
  const backward: string[][] = [await visibleIds(page)]
  await previous.click()
  await expect(rangeText(page)).toHaveText(`201–250 of ${CATALOGUE_SIZE}`)
  expect(listRequests, 'the page before comes from the cache').toEqual([])
  backward.unshift(await visibleIds(page))
  while (await previous.isEnabled()) {
    await previous.click()
    await expect(rangeText(page)).toHaveText(new RegExp(`^${CATALOGUE_SIZE - (backward.length + 1) * 50 + 1}–`))
    backward.unshift(await visibleIds(page))
  }
  expect(backward.flat()).toEqual(catalogue)
})

test('a link that starts in the middle says where it is and can still go back', async ({ page, request }) => {
  const catalogue = await idsOfView(request, '')
  await page.goto(`/?after_id=${catalogue[39]}`)
  await expect(rangeText(page)).toHaveText(`41–60 of ${CATALOGUE_SIZE}`)
  expect(await visibleIds(page)).toEqual(catalogue.slice(40, 60))
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(rangeText(page)).toHaveText(`21–40 of ${CATALOGUE_SIZE}`)
  expect(await visibleIds(page)).toEqual(catalogue.slice(20, 40))
})

test('sorting and filtering apply to the whole catalogue, across pages', async ({ page, request }) => {
  await page.goto('/')
  await page
    .getByRole('searchbox', { name: 'Filter models' })
    .or(page.getByLabel('Filter models'))
    .first()
    .fill('sonnet')
  const released = page.getByRole('columnheader', { name: /Released/ })
  await released.getByRole('button').click()
  await expect(released).toHaveAttribute('aria-sort', 'ascending')
  await released.getByRole('button').click()
  await expect(released).toHaveAttribute('aria-sort', 'descending')
  await expect(page).toHaveURL(/q=sonnet/)
  await expect(page).toHaveURL(/sort=-created_at/)

  const expected = await idsOfView(request, 'q=sonnet&sort=-created_at')
  await expect(rangeText(page)).toHaveText(`1–20 of ${expected.length}`)
  const shown: string[] = [...(await visibleIds(page))]
  const next = page.getByRole('button', { name: 'Next page' })
  while (await next.isEnabled()) {
    await next.click()
    await expect(rangeText(page)).toHaveText(new RegExp(`^${shown.length + 1}–`))
    shown.push(...(await visibleIds(page)))
  }
  expect(shown).toEqual(expected)

  // The third click goes back to the API's order, and to the first page.
  await released.getByRole('button').click()
  await expect(released).toHaveAttribute('aria-sort', 'none')
  await expect(rangeText(page)).toHaveText(`1–20 of ${expected.length}`)
  expect(await visibleIds(page)).toEqual((await idsOfView(request, 'q=sonnet')).slice(0, 20))
})

test('a filter that matches nothing says so and Clear filter brings the rows back', async ({ page }) => {
  await page.goto('/?q=no-such-model-anywhere')
  await expect(page.getByText('No models match “no-such-model-anywhere”')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
})
