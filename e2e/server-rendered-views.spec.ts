import { expect, type Page, test } from '@playwright/test'
import { idsOfView, untilCatalogueHas } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

// Every view a link can name, on the live server (300 models; workspaces default, staging and broken), with
// what the server's HTML must show of it. Ids are filled in from the BFF before the tests run.
interface View {
  name: string
  path: (ids: string[]) => string
  /** Text the page shows only when the view's content is there. */
  shows: (ids: string[]) => RegExp | string
}

const VIEWS: View[] = [
  { name: 'the list', path: () => '/', shows: (ids) => ids[0]! },
  { name: 'filtered and sorted', path: () => '/?q=sonnet&sort=-created_at', shows: () => /sonnet/ },
  { name: 'another workspace (ws=)', path: () => '/?ws=staging', shows: () => 'workspace staging' },
  { name: 'extra columns (cols=)', path: () => '/?cols=max_tokens,line', shows: () => 'Max output' },
  { name: 'a lifecycle (lifecycle=)', path: () => '/?lifecycle=active,deprecated,retired', shows: (ids) => ids[0]! },
  { name: 'an open model (model=)', path: (ids) => `/?model=${ids[1]}`, shows: (ids) => ids[1]! },
  { name: 'a comparison (compare=)', path: (ids) => `/?compare=${ids[0]},${ids[1]}`, shows: (ids) => ids[1]! },
  { name: 'Changes', path: () => '/?view=changes', shows: () => /Changes/ },
  { name: 'Changes with a filter', path: () => '/?view=changes&kinds=added', shows: () => /Changes/ },
  { name: 'Availability', path: () => '/?view=availability&avail_q=sonnet', shows: () => 'staging' },
]

let ids: string[] = []

test.beforeEach(async ({ request }) => {
  await fakeUpstream.reset()
  await untilCatalogueHas(request, 300)
  ids = (await idsOfView(request, '')).slice(0, 2)
})

test.describe('without JavaScript, the server sends each view with its content', () => {
  test.use({ javaScriptEnabled: false })

  for (const view of VIEWS) {
    test(view.name, async ({ page }) => {
      await page.goto(view.path(ids))
      await expect(page.locator('#root')).toContainText(view.shows(ids))
      // The page state the dashboard takes over from: answers, not an empty shell.
      expect(await page.locator('#page-state').count()).toBe(1)
    })
  }

  test('the open model is in a dialog in the HTML, its fields there', async ({ page }) => {
    await page.goto(`/?model=${ids[1]}`)
    await expect(page.getByRole('dialog')).toContainText(ids[1]!)
  })

  test('the banner, the workspace selector and the tabs are in the HTML', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByLabel('Workspace')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link')).toHaveText([
      'Models',
      'Changes',
      'Availability',
    ])
  })
})

/** Collects what would show a broken take-over (console errors, page errors) and every layout shift. */
async function watch(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /hydrat/i.test(message.text())) problems.push(message.text().slice(0, 3000))
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.addInitScript(() => {
    const shifts: number[] = []
    ;(window as unknown as { layoutShifts: number[] }).layoutShifts = shifts
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value)
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return {
    problems,
    shifts: () => page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts),
  }
}

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 375, height: 667 }],
] as const) {
  test.describe(`with JavaScript on a ${device}, the dashboard takes each view over without a change`, () => {
    test.use({ viewport })

    for (const view of VIEWS) {
      test(`${view.name}: no hydration error, no layout shift`, async ({ page }) => {
        const watched = await watch(page)
        await page.goto(view.path(ids), { waitUntil: 'networkidle' })
        await expect(page.locator('#root')).toContainText(view.shows(ids))
        // A beat for anything late (a lazy part hydrating, a query settling) to move the page.
        await page.waitForTimeout(500)
        expect(watched.problems).toEqual([])
        // Issue #10's goal: CLS ≤ 0.02. Usually nothing moves at all; on a loaded machine a shift of at most
        // 0.006 has been seen a few times since the phone's cards and content-sized columns were merged.
        const shifts = await watched.shifts()
        expect(
          shifts.reduce((sum, value) => sum + value, 0),
          `layout shifts: ${shifts.join(', ')}`,
        ).toBeLessThanOrEqual(0.02)
      })
    }
  })
}
