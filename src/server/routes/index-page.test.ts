import { describe, expect, it, vi } from 'vitest'
import { PAGE_STATE_ELEMENT_ID, type PageState } from '../../contract/page-state'
import type { Model, ModelPage } from '../../contract/model'
import { renderPage } from '../../entry-server'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { createFakeUpstream, FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { TEST_CONFIG } from '../../testing/test-app'
import { createApp } from '../create-app'
import { silentLogger } from '../logger'

const INDEX_HTML = '<!doctype html><html><head></head><body><div id="root"></div></body></html>'
const HOSTILE = '</script><script>alert(1)</script>'
const client = { assets: (_c: unknown, next: () => Promise<void>) => next(), indexHtml: INDEX_HTML, renderPage }

/** The app serving a stand-in index.html, with its catalogue loaded unless told otherwise. */
async function pageApp(models: readonly Model[] = DEMO_MODELS, { load = true } = {}) {
  const fake = createFakeUpstream({ apiKey: FAKE_API_KEY, models })
  const app = createApp(TEST_CONFIG, { fetch: fake.fetch, logger: silentLogger, client })
  if (load) expect((await app.request('/api/models')).status).toBe(200)
  return { app, fake }
}

/** The demo with a second workspace (staging), both catalogues loaded: every view has something to show. */
async function demoApp() {
  const app = createApp({ ...TEST_CONFIG, apiKey: null, demoWorkspaces: ['staging'] }, { logger: silentLogger, client })
  for (const workspace of ['', '?workspace=staging'])
    expect((await app.request(`/api/models${workspace}`)).status).toBe(200)
  return app
}

async function html(app: { request: (path: string) => Response | Promise<Response> }, path: string): Promise<string> {
  const response = await app.request(path)
  expect(response.status).toBe(200)
  return response.text()
}

/** The data the page says it was rendered from. */
function pageState(page: string): PageState | null {
  const match = new RegExp(`<script type="application/json" id="${PAGE_STATE_ELEMENT_ID}">(.*?)</script>`).exec(page)
  return match ? (JSON.parse(match[1]!) as PageState) : null
}

/** The answers embedded, by the first part of their query key after `models` (list, detail, health…). */
function embeddedAnswers(page: string): { queryKey: unknown[]; state: { data: unknown } }[] {
  return (
    (pageState(page)?.queries ?? { queries: [] }) as { queries: { queryKey: unknown[]; state: { data: unknown } }[] }
  ).queries
}

const textOf = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the page HTML of the list', () => {
  it.each([
    '/',
    '/?q=opus&sort=-created_at',
    '/?sort=display_name&limit=10',
    '/?q=sonnet&after_id=claude-sonnet-4-5-20250929',
    '/?line=sonnet,opus&caps=thinking.types.adaptive,pdf_input&min_context=1000000',
    '/?retiring_within=400&line=none,sonnet&lifecycle=deprecated,retired',
  ])(
    'renders for %s the rows /api/models answers for the same view, and embeds that page and the one after it',
    async (path) => {
      const { app } = await pageApp()
      const page = await html(app, path)
      const search = new URLSearchParams(path.slice(2))
      const api = (await (await app.request(`/api/models?${search}`)).json()) as ModelPage
      for (const model of api.data) expect(page).toContain(`>${model.id}<`)
      // The page after it, as the browser would prefetch it: the same view, after this page's last model.
      const pages: ModelPage[] = [api]
      if (api.has_more) {
        search.set('after_id', api.last_id!)
        pages.push((await (await app.request(`/api/models?${search}`)).json()) as ModelPage)
      }
      const list = embeddedAnswers(page).find((query) => query.queryKey[1] === 'list')
      expect((list?.state.data as { pages: unknown[] }).pages).toEqual(pages)
    },
  )

  it('embeds the next page exactly as /api/models answers it, staleness included, while the catalogue is stale', async () => {
    let time = Date.parse('2026-03-01T00:00:00Z')
    const fake = createFakeUpstream({ apiKey: FAKE_API_KEY, models: DEMO_MODELS })
    const app = createApp(TEST_CONFIG, { fetch: fake.fetch, logger: silentLogger, client, now: () => time })
    expect((await app.request('/api/models?limit=10')).status).toBe(200)
    // Past its time to live, with the upstream failing: the snapshot is served, said stale, with the error.
    time += 24 * 3600_000
    fake.setFault({ kind: 'status', status: 500 })
    const firstPage = async () => (await (await app.request('/api/models?limit=10')).json()) as ModelPage
    // The failed walk says so; the clock stands still, so no other walk starts before the next minute.
    await vi.waitFor(async () => expect((await firstPage()).refresh_error).not.toBeNull())
    const first = await firstPage()
    expect(first.stale).toBe(true)
    const page = await html(app, '/?limit=10')
    const next = (await (await app.request(`/api/models?limit=10&after_id=${first.last_id}`)).json()) as ModelPage
    const list = embeddedAnswers(page).find((query) => query.queryKey[1] === 'list')
    expect((list?.state.data as { pages: ModelPage[] }).pages).toEqual([first, next])
    expect(next).toMatchObject({ stale: true, fetched_at: first.fetched_at, refresh_error: first.refresh_error })
  })

  it('renders the columns cols= adds, with their values', async () => {
    const { app } = await pageApp()
    const page = await html(app, '/?cols=max_tokens,line')
    expect(textOf(page)).toMatch(/Max output/i)
  })

  it('escapes hostile upstream text: in the JSON every < is \\u003c, in the rows it is text', async () => {
    const { app } = await pageApp([
      { id: 'claude-hostile-1', type: 'model', display_name: HOSTILE, created_at: '2026-01-01T00:00:00Z' },
    ])
    const page = await html(app, '/')
    expect(page).not.toContain('<script>alert(1)')
    // Only the one data element: no script element was opened by the name.
    expect(page.match(/<script/g)).toHaveLength(1)
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(JSON.stringify(pageState(page))).toContain(HOSTILE)
  })

  it('never waits for the upstream: with no catalogue yet it sends the bare HTML', async () => {
    const { app, fake } = await pageApp(DEMO_MODELS, { load: false })
    fake.setLatency(10_000)
    expect(await html(app, '/')).toBe(INDEX_HTML)
  })

  it('a bad view in the URL still gets a page (the dashboard reads it as it would in the browser)', async () => {
    const { app } = await pageApp()
    for (const path of ['/?limit=0', '/?sort=nope', '/?q=a&q=b', '/?after_id=claude-gone-20240101']) {
      expect(await html(app, path)).toContain('Model catalogue')
    }
  })
})

describe('the page HTML of every other view a link can name', () => {
  it('ws=: the other workspace, its rows and its selector, the banner and the tabs', async () => {
    const app = await demoApp()
    const page = await html(app, '/?ws=staging')
    expect(textOf(page)).toContain('The Anthropic models the key of workspace staging can use.')
    const api = (await (await app.request('/api/models?workspace=staging')).json()) as { data: Model[] }
    for (const model of api.data) expect(page).toContain(`>${model.id}<`)
    expect(page).toMatch(/<select[^>]*>/)
    expect(page).toContain('Availability')
    expect(textOf(page)).toMatch(/demo/i)
  })

  it('model=: the dialog with the model and its fields', async () => {
    const app = await demoApp()
    const model = DEMO_MODELS[0]!
    const page = await html(app, `/?model=${model.id}`)
    expect(page).toContain('role="dialog"')
    expect(textOf(page)).toContain(model.display_name)
    expect(embeddedAnswers(page).some((query) => query.queryKey[1] === 'detail')).toBe(true)
  })

  it('compare=: the comparison of the models named', async () => {
    const app = await demoApp()
    const [first, second] = DEMO_MODELS
    const page = await html(app, `/?compare=${first!.id},${second!.id}`)
    const text = textOf(page)
    expect(text).toContain(first!.display_name)
    expect(text).toContain(second!.display_name)
    expect(embeddedAnswers(page).filter((query) => query.queryKey[1] === 'detail').length).toBeGreaterThanOrEqual(2)
  })

  it('view=changes with its filter: the changes of those kinds', async () => {
    const app = await demoApp()
    const all = (await (await app.request('/api/changes?limit=1')).json()) as { data: { kind: string }[] }
    const kind = all.data[0]!.kind
    const api = (await (await app.request(`/api/changes?kind=${kind}&limit=50`)).json()) as {
      data: { model_id: string }[]
    }
    expect(api.data.length).toBeGreaterThan(0)
    const page = await html(app, `/?view=changes&kinds=${kind}`)
    for (const change of api.data.slice(0, 5)) expect(page).toContain(change.model_id)
    expect(embeddedAnswers(page).some((query) => query.queryKey[1] === 'changes')).toBe(true)
  })

  it('view=availability with its filters: the rows of both workspaces', async () => {
    const app = await demoApp()
    const api = (await (await app.request('/api/availability?limit=50&q=sonnet')).json()) as {
      data: { id: string }[]
    }
    expect(api.data.length).toBeGreaterThan(0)
    const page = await html(app, '/?view=availability&avail_q=sonnet')
    for (const row of api.data) expect(page).toContain(row.id)
    expect(textOf(page)).toContain('staging')
  })
})
