import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page, type TestInfo, test } from '@playwright/test'
import { syntheticCatalogue } from '../src/fake-upstream/synthetic-catalogue'
import { rangeText, untilCatalogueHas, untilInteractive, untilRemovalRecorded } from './support/dashboard'
import { fakeUpstream } from './support/fake-upstream'

// Every view and state, as a new user would try it: on a phone (375×800) and a laptop (1280×900), light and dark.
// Each check: the first row (or the failure) is in the first screen, the page never scrolls sideways, axe finds no
// serious or critical violation, and a screenshot is attached.

const CATALOGUE_SIZE = 300

const VIEWPORTS = [
  { width: 375, height: 800 },
  { width: 1280, height: 900 },
] as const
const SCHEMES = ['light', 'dark'] as const

test.describe.configure({ mode: 'serial' })

// A model that came and left the catalogue, for the removed-model dialog. Unique per run (the live server's
// history outlives a test), and never in the usual catalogue, so every reset keeps it removed.
const LEFT = `claude-e2e-left-${Date.now()}`

test.beforeAll(async ({ request }) => {
  // Two forced walks at least 5 s apart with it, then two without it.
  test.setTimeout(60_000)
  await fakeUpstream.reset()
  await untilCatalogueHas(request, CATALOGUE_SIZE)
  await fakeUpstream.models([
    { id: LEFT, type: 'model', display_name: 'Claude E2E Left', created_at: '2026-11-02T00:00:00Z' },
    ...syntheticCatalogue(CATALOGUE_SIZE),
  ])
  await untilCatalogueHas(request, CATALOGUE_SIZE + 1)
  await fakeUpstream.reset()
  await untilRemovalRecorded(request, LEFT)
})

/** The first model of the main view: its card on a phone, its row from `sm` up. */
function firstModel(page: Page): Locator {
  return isPhone(page)
    ? page.getByRole('list', { name: 'Models' }).getByRole('listitem').first()
    : page.getByRole('table', { name: 'Models' }).locator('tbody tr').first()
}

/** The first model of the Availability view: its card on a phone, its row from `sm` up. */
function firstAvailability(page: Page): Locator {
  return isPhone(page)
    ? page.getByRole('list', { name: 'Availability' }).getByRole('listitem').first()
    : page.getByRole('table', { name: 'Availability' }).locator('tbody tr').first()
}

function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 0) < 640
}

/**
 * What every view must hold: `first` (its first row, or what it says instead) lies whole
 * in the first screen, the page is no wider than the window, and axe finds nothing serious.
 */
async function checkView(page: Page, testInfo: TestInfo, name: string, first: Locator) {
  await expect(first).toBeVisible()
  const viewport = page.viewportSize()!
  const box = (await first.boundingBox())!
  expect(box.y, `${name}: the first row starts in the first screen`).toBeGreaterThanOrEqual(0)
  expect(box.y + Math.min(box.height, 120), `${name}: the first row is in the first screen`).toBeLessThanOrEqual(
    viewport.height,
  )
  expect(box.x, `${name}: nothing is clipped on the left`).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, `${name}: nothing is clipped on the right`).toBeLessThanOrEqual(viewport.width)
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: innerWidth }))
  expect(widths.scroll, `${name}: the page never scrolls sideways`).toBeLessThanOrEqual(widths.window)
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    `${name}: axe`,
  ).toEqual([])
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
}

for (const viewport of VIEWPORTS) {
  for (const colorScheme of SCHEMES) {
    const size = `${viewport.width}x${viewport.height}`
    test.describe(`${size}, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme })

      test.beforeAll(async ({ request }) => {
        await fakeUpstream.reset()
        await untilCatalogueHas(request, CATALOGUE_SIZE)
      })

      test('the main view, a filtered one and an empty filter result', async ({ page }, testInfo) => {
        await page.goto('/')
        await checkView(page, testInfo, `main-${size}-${colorScheme}`, firstModel(page))

        await page.goto('/?q=opus')
        await expect(firstModel(page)).toContainText(/opus/i)
        await checkView(page, testInfo, `filtered-${size}-${colorScheme}`, firstModel(page))

        await page.goto('/?q=no-such-model-anywhere')
        const empty = page.getByText('No models match “no-such-model-anywhere”')
        await checkView(page, testInfo, `empty-filter-${size}-${colorScheme}`, empty)
        await expect(page.getByRole('button', { name: 'Clear filter' })).toBeInViewport()
      })

      test('the filters: folded behind Filters on a phone, laid out in the row on a laptop', async ({
        page,
      }, testInfo) => {
        await page.goto('/?lifecycle=active,retired')
        const lifecycle = page.getByRole('group', { name: 'Lifecycle' })
        const filters = page.getByRole('button', { name: /^Filters/ })
        await expect(page.getByRole('searchbox', { name: 'Filter models' })).toBeVisible()
        if (!isPhone(page)) {
          await expect(filters).toBeHidden()
          await expect(lifecycle).toBeVisible()
          await checkView(page, testInfo, `filters-${size}-${colorScheme}`, firstModel(page))
          return
        }
        // Closed: only the search and the button, which counts the filter in use (lifecycle).
        await expect(filters).toHaveAccessibleName('Filters (1)')
        await expect(filters).toHaveAttribute('aria-expanded', 'false')
        await expect(lifecycle).toBeHidden()
        await expect(page.getByRole('link', { name: 'Export CSV' })).toBeHidden()
        await checkView(page, testInfo, `filters-closed-${size}-${colorScheme}`, firstModel(page))

        await filters.click()
        await expect(filters).toHaveAttribute('aria-expanded', 'true')
        const panel = page.getByRole('group', { name: 'Filters' })
        for (const control of [
          lifecycle,
          page.getByRole('combobox', { name: 'Rows per page' }),
          page.getByRole('button', { name: 'Copy link' }),
          page.getByRole('link', { name: 'Export CSV' }),
          page.getByRole('button', { name: 'Columns' }),
          page.getByRole('combobox', { name: 'Context window' }),
        ]) {
          await expect(panel.locator(control)).toBeVisible()
        }
        await checkView(page, testInfo, `filters-open-${size}-${colorScheme}`, lifecycle)

        await filters.click()
        await expect(lifecycle).toBeHidden()
        await expect(filters).toBeFocused()
      })

      test('a card or row shows name, id, badges, dates; optional columns too', async ({ page }) => {
        await page.goto('/?q=claude-opus-4-5&cols=max_input_tokens')
        const first = firstModel(page)
        await expect(first).toContainText('claude-opus-4-5-20251101')
        await expect(first).toContainText('Claude Opus 4.5')
        await expect(first).toContainText(/Retires|Retirement|Deprecated/)
        await expect(first).toContainText(/\d{1,2} \w{3,4} \d{4}/)
        await expect(first.getByRole('button', { name: 'Copy ID claude-opus-4-5-20251101' })).toBeVisible()
        if (isPhone(page)) {
          await expect(first.getByRole('heading', { name: 'Claude Opus 4.5' })).toBeVisible()
          await expect(first.getByRole('term').filter({ hasText: 'Released' })).toBeVisible()
          await expect(first.getByRole('term').filter({ hasText: 'Context window' })).toBeVisible()
        }
        // A click on the card or row (not on its buttons) opens the model.
        await first.click({ position: { x: 4, y: 4 } })
        await expect(page.getByRole('dialog', { name: 'Claude Opus 4.5' })).toBeVisible()
      })

      test('by keyboard on a phone: the skip link lands on the cards, and closing a model returns to its card', async ({
        page,
      }) => {
        test.skip(!isPhone(page), 'the phone layout only')
        await page.goto('/')
        await expect(firstModel(page)).toBeVisible()
        await page.keyboard.press('Tab')
        await expect(page.getByRole('link', { name: 'Skip to the models' })).toBeFocused()
        await page.keyboard.press('Enter')
        await expect(page.locator('#models-cards')).toBeFocused()
        await page.keyboard.press('Tab')
        const name = firstModel(page).getByRole('heading').getByRole('button')
        await expect(name).toBeFocused()
        await page.keyboard.press('Enter')
        await expect(page.getByRole('dialog')).toBeVisible()
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toBeHidden()
        await expect(name).toBeFocused()
      })

      test('the Changes view', async ({ page }, testInfo) => {
        await page.goto('/?view=changes')
        const changes = page.getByRole('list', { name: 'Changes' }).getByRole('listitem').first()
        const nothingYet = page.getByText(/No changes recorded yet/)
        await expect(changes.or(nothingYet)).toBeVisible()
        await checkView(page, testInfo, `changes-${size}-${colorScheme}`, changes.or(nothingYet))
      })

      test('the Availability view: one card per model with a line per workspace on a phone', async ({
        page,
      }, testInfo) => {
        await page.goto('/?view=availability')
        const first = firstAvailability(page)
        await checkView(page, testInfo, `availability-${size}-${colorScheme}`, first)
        if (isPhone(page)) {
          const workspaces = first.getByRole('list', { name: /^Workspaces of / }).getByRole('listitem')
          await expect(workspaces).toHaveText([
            /^default: (Available|Deprecated|Retired|Absent)$/,
            // The reason follows as the line's description (a tooltip on hover or focus; textContent has it).
            /^broken: Unknown(Workspace broken: .+)?$/,
            /^staging: (Available|Deprecated|Retired|Absent)$/,
          ])
          // The broken workspace's catalogue cannot be read: Unknown, in words and with an icon of its own.
          await expect(workspaces.nth(1).locator('svg')).toHaveCount(1)
        }
      })

      test('the model dialog: a full-height sheet on a phone, actions always on screen, the page still behind it', async ({
        page,
      }, testInfo) => {
        await page.goto('/')
        await expect(firstModel(page)).toBeVisible()
        // Opened from further down the page (on a phone, the click scrolls further to the model).
        await page.evaluate(() => window.scrollTo(0, 200))
        await page.locator('[data-model-button="claude-opus-4-6"]:visible').click()
        const dialog = page.getByRole('dialog', { name: 'Claude Opus 4.6' })
        await expect(dialog).toBeVisible()
        const scrolledTo = await page.evaluate(() => window.scrollY)
        expect(scrolledTo).toBeGreaterThan(0)
        const copyLink = dialog.getByRole('button', { name: 'Copy link to claude-opus-4-6' })
        await expect(copyLink).toBeInViewport({ ratio: 1 })
        await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 })
        if (isPhone(page)) {
          const box = (await dialog.boundingBox())!
          expect(box.y).toBe(0)
          expect(box.height).toBe(viewport.height)
        }
        // Scrolling the dialog to its end keeps its actions where they were, and never scrolls the page.
        await dialog.hover()
        await page.mouse.wheel(0, 2000)
        await expect(copyLink).toBeInViewport({ ratio: 1 })
        await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 })
        await page.keyboard.press('End')
        expect(await page.evaluate(() => window.scrollY)).toBe(scrolledTo)
        await checkView(page, testInfo, `dialog-${size}-${colorScheme}`, dialog.getByRole('heading').first())

        await page.keyboard.press('Escape')
        await expect(dialog).toBeHidden()
        // Unlocked again: the page scrolls.
        await page.mouse.wheel(0, -200)
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(scrolledTo)
      })

      test('the Changes view since a day', async ({ page }, testInfo) => {
        await page.goto('/?view=changes&since=2020-01-01')
        const first = page.getByRole('list', { name: 'Changes' }).getByRole('listitem').first()
        await checkView(page, testInfo, `changes-since-${size}-${colorScheme}`, first)
      })

      test('the Availability view filtered to the models that differ', async ({ page }, testInfo) => {
        await page.goto('/?view=availability&avail_differs=true')
        await expect(page.getByLabel('Only models that differ between workspaces')).toBeChecked()
        await checkView(page, testInfo, `availability-differs-${size}-${colorScheme}`, firstAvailability(page))
      })

      test('a comparison (compare=)', async ({ page }, testInfo) => {
        await page.goto('/?compare=claude-opus-4-6,claude-sonnet-4-6')
        const compare = page.getByRole('region', { name: 'Compare models' })
        await expect(compare.getByRole('rowheader', { name: 'Line' })).toBeVisible()
        const heading = compare.getByRole('heading', { name: 'Compare models' })
        await checkView(page, testInfo, `compare-${size}-${colorScheme}`, heading)
      })

      test('an Unknown workspace says why on keyboard focus', async ({ page }, testInfo) => {
        await page.goto('/?view=availability')
        const unknown = firstAvailability(page).locator('[tabindex="0"]').filter({ hasText: 'Unknown' }).first()
        await unknown.focus()
        const reason = unknown.getByRole('tooltip')
        await expect(reason).toBeVisible()
        await expect(reason).toContainText('Workspace broken')
        await expect(unknown).toHaveAccessibleDescription(/Workspace broken: .*API key/)
        await checkView(page, testInfo, `availability-unknown-${size}-${colorScheme}`, reason)
      })

      test('the removed-model dialog, opened from its Changes row, gives focus back on close', async ({
        page,
      }, testInfo) => {
        await page.goto('/?view=changes&kinds=removed')
        // A key pressed on the server's HTML before the take-over opens nothing.
        await untilInteractive(page)
        const opener = page
          .getByRole('list', { name: 'Changes' })
          .getByRole('listitem')
          .filter({ hasText: LEFT })
          .getByRole('button')
        await opener.focus()
        await page.keyboard.press('Enter')
        const dialog = page.getByRole('dialog', { name: 'Claude E2E Left' })
        await expect(dialog.getByText(/^Removed from the catalogue on \d{1,2} [A-Z][a-z]{2} \d{4}/)).toBeVisible()
        await expect(dialog).toContainText('It was added on')
        await expect(dialog.getByRole('alert')).toHaveCount(0)
        await checkView(page, testInfo, `removed-dialog-${size}-${colorScheme}`, dialog.getByRole('heading').first())
        await page.keyboard.press('Escape')
        await expect(dialog).toBeHidden()
        await expect(opener).toBeFocused()
      })

      test('the model dialog when its lookup fails: the reason and Retry', async ({ page }, testInfo) => {
        // An id never looked up before: the server has no answer of its own to give for it.
        const id = `claude-e2e-lookup-${viewport.width}-${colorScheme}-${Date.now()}`
        await page.goto('/')
        await expect(firstModel(page)).toBeVisible()
        await fakeUpstream.fault({ kind: 'status', status: 403 })
        try {
          await page.goto(`/?model=${id}`)
          const dialog = page.getByRole('dialog')
          const alert = dialog.getByRole('alert')
          await expect(alert).toContainText('lacks permission')
          await expect(alert.getByRole('button', { name: 'Retry' })).toBeInViewport()
          await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport()
          await checkView(page, testInfo, `dialog-error-${size}-${colorScheme}`, alert)
        } finally {
          await fakeUpstream.fault(null)
        }
      })

      test('by keyboard: Next and Previous hand focus over at either end, n and p page, ? returns focus', async ({
        page,
      }) => {
        await page.goto('/?limit=100')
        await expect(rangeText(page)).toHaveText(`1–100 of ${CATALOGUE_SIZE}`)
        // The range is in the server's HTML: the shortcuts answer once the script has taken the page over
        // (the network can be idle before that: nothing is fetched between the script and the take-over).
        await untilInteractive(page)
        await page.keyboard.press('n')
        await expect(rangeText(page)).toHaveText(`101–200 of ${CATALOGUE_SIZE}`)
        await page.keyboard.press('p')
        await expect(rangeText(page)).toHaveText(`1–100 of ${CATALOGUE_SIZE}`)

        const next = page.getByRole('button', { name: 'Next page' })
        const previous = page.getByRole('button', { name: 'Previous page' })
        await next.focus()
        await page.keyboard.press('Enter')
        await expect(rangeText(page)).toHaveText(`101–200 of ${CATALOGUE_SIZE}`)
        await expect(next).toBeFocused()
        await page.keyboard.press('Enter')
        await expect(rangeText(page)).toHaveText(`201–300 of ${CATALOGUE_SIZE}`)
        await expect(next).toBeDisabled()
        await expect(previous).toBeFocused()
        await page.keyboard.press('Enter')
        await expect(rangeText(page)).toHaveText(`101–200 of ${CATALOGUE_SIZE}`)
        await page.keyboard.press('Enter')
        await expect(rangeText(page)).toHaveText(`1–100 of ${CATALOGUE_SIZE}`)
        await expect(previous).toBeDisabled()
        await expect(next).toBeFocused()

        // The shortcuts dialog, opened from its button (inside Filters on a phone), gives focus back to it.
        if (isPhone(page)) await page.getByRole('button', { name: /^Filters/ }).click()
        const shortcuts = page.getByRole('button', { name: 'Keyboard shortcuts' })
        await shortcuts.focus()
        await page.keyboard.press('Enter')
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toBeHidden()
        await expect(shortcuts).toBeFocused()
      })

      test('Back after the first keystroke of a filter returns to the page before it', async ({ page }) => {
        await page.goto('/')
        await expect(rangeText(page)).toHaveText(`1–20 of ${CATALOGUE_SIZE}`)
        await page.getByRole('button', { name: 'Next page' }).click()
        await expect(rangeText(page)).toHaveText(`21–40 of ${CATALOGUE_SIZE}`)
        const secondPage = page.url()
        await page.getByRole('searchbox', { name: 'Filter models' }).pressSequentially('opus', { delay: 30 })
        await expect(page).toHaveURL(/q=opus/)
        await page.goBack()
        await expect(page).toHaveURL(secondPage)
        await expect(rangeText(page)).toHaveText(`21–40 of ${CATALOGUE_SIZE}`)
        await expect(page.getByRole('searchbox', { name: 'Filter models' })).toHaveValue('')
      })

      // The workspace "broken" has a key the fake refuses: it never has a catalogue, whatever ran before (the cold
      // server gets one once dashboard-states.spec.ts has shown that Retry recovers).
      test.describe('when the upstream refuses the key and the workspace has no catalogue', () => {
        for (const view of ['', '&view=changes', '&view=availability']) {
          const name = view ? view.slice('&view='.length) : 'main'
          test(`the error state of the ${name} view`, async ({ page }, testInfo) => {
            await page.goto(`/?ws=broken${view}`)
            const alert = page.getByRole('alert').first()
            await expect(alert).toContainText(/rejected|could not be read/)
            await expect(alert.getByRole('button', { name: 'Retry' })).toBeInViewport()
            await checkView(page, testInfo, `error-${name}-${size}-${colorScheme}`, alert)
          })
        }
      })
    })
  }
}

test('at 375 px the server-rendered page does not move when the script takes over', async ({ browser }) => {
  const viewport = { width: 375, height: 800 }
  const places = async (page: Page) =>
    Promise.all(
      [
        page.getByRole('heading', { name: 'Model catalogue' }),
        page.getByRole('searchbox', { name: 'Filter models' }),
        page.getByRole('button', { name: /^Filters/ }),
        page.getByRole('list', { name: 'Models' }).getByRole('listitem').first(),
        page.getByRole('list', { name: 'Models' }).getByRole('listitem').nth(3),
      ].map((locator) => locator.boundingBox()),
    )

  // The HTML alone, as the server sends it: the cards are there, in place.
  const htmlOnly = await browser.newContext({ viewport, javaScriptEnabled: false })
  const before = await htmlOnly.newPage()
  await before.goto('/')
  await expect(before.getByRole('list', { name: 'Models' }).getByRole('listitem')).toHaveCount(20)
  await expect(before.getByRole('table', { name: 'Models' })).toBeHidden()
  const serverPlaces = await places(before)
  await htmlOnly.close()

  // The same page with its script: every layout shift is recorded from the first paint.
  const hydrated = await browser.newContext({ viewport })
  const page = await hydrated.newPage()
  // Each shift with what moved (tag, classes, text, from and to), so a failure says where to look.
  type Shift = { value: number; at: number; moved: string[] }
  await page.addInitScript(() => {
    type Source = { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }
    type Entry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Source[] }
    const shifts: Shift[] = []
    ;(window as { __shifts?: Shift[] }).__shifts = shifts
    const rect = ({ x, y, width, height }: DOMRectReadOnly) => `${x},${y} ${width}x${height}`
    const describe = (node: Node | undefined) =>
      node instanceof Element
        ? `<${node.tagName.toLowerCase()} class="${node.className}"> ${(node.textContent ?? '').slice(0, 40)}`
        : String(node?.nodeName)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Entry[]) {
        if (entry.hadRecentInput) continue
        const moved = (entry.sources ?? []).map(
          (source) => `${describe(source.node)}: ${rect(source.previousRect)} → ${rect(source.currentRect)}`,
        )
        shifts.push({ value: entry.value, at: Math.round(entry.startTime), moved })
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto('/')
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('list', { name: 'Models' })).toHaveAttribute('aria-busy', 'false')
  // Hydrated: the Filters button answers (a shift right after a click is the click's, and not counted).
  const filters = page.getByRole('button', { name: /^Filters/ })
  await expect(async () => {
    await filters.click()
    await expect(filters).toHaveAttribute('aria-expanded', 'true', { timeout: 500 })
  }).toPass()
  await filters.click()
  await expect(filters).toHaveAttribute('aria-expanded', 'false')
  expect(await places(page)).toEqual(serverPlaces)
  const shifts = await page.evaluate(() => (window as { __shifts?: Shift[] }).__shifts ?? [])
  expect(
    shifts.reduce((sum, shift) => sum + shift.value, 0),
    `cumulative layout shift: ${JSON.stringify(shifts, null, 1)}`,
  ).toBe(0)
  await hydrated.close()
})
