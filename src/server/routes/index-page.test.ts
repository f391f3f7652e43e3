import { describe, expect, it } from 'vitest'
import { FIRST_PAGE_ELEMENT_ID } from '../../contract/first-page'
import type { Model } from '../../contract/model'
import { renderPage } from '../../entry-server'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { createFakeUpstream, FAKE_API_KEY } from '../../fake-upstream/fake-upstream'
import { TEST_CONFIG } from '../../testing/test-app'
import { createApp } from '../create-app'
import { silentLogger } from '../logger'

const INDEX_HTML = '<!doctype html><html><head></head><body><div id="root"></div></body></html>'
const HOSTILE = '</script><script>alert(1)</script>'

/** The app serving a stand-in index.html, with its catalogue loaded unless told otherwise. */
async function pageApp(models: readonly Model[] = DEMO_MODELS, { load = true } = {}) {
  const fake = createFakeUpstream({ apiKey: FAKE_API_KEY, models })
  const app = createApp(TEST_CONFIG, {
    fetch: fake.fetch,
    logger: silentLogger,
    client: { assets: (_c, next) => next(), indexHtml: INDEX_HTML, renderPage },
  })
  if (load) expect((await app.request('/api/models')).status).toBe(200)
  return { app, fake }
}

async function html(app: Awaited<ReturnType<typeof pageApp>>['app'], path: string): Promise<string> {
  const response = await app.request(path)
  expect(response.status).toBe(200)
  return response.text()
}

function embedded(page: string): { search: string; page: unknown } | null {
  const match = new RegExp(`<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">(.*?)</script>`).exec(page)
  return match ? (JSON.parse(match[1]!) as { search: string; page: unknown }) : null
}

describe('the page HTML', () => {
  it.each([
    '/',
    '/?q=opus&sort=-created_at',
    '/?sort=display_name&limit=10',
    '/?q=sonnet&after_id=claude-sonnet-4-5-20250929',
    '/?line=sonnet,opus&caps=thinking.types.adaptive,pdf_input&min_context=1000000',
    '/?retiring_within=400&line=none,sonnet&lifecycle=deprecated,retired',
  ])('embeds for %s the first page /api/models answers for the same parameters, and renders its rows', async (path) => {
    const { app } = await pageApp()
    const page = await html(app, path)
    const search = path.slice(2)
    const api = (await (await app.request(`/api/models?${search}`)).json()) as { data: Model[] }
    expect(embedded(page)?.page).toEqual(api)
    for (const model of api.data) expect(page).toContain(`>${model.id}<`)
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
    expect(embedded(page)?.page).toMatchObject({ data: [{ display_name: HOSTILE }] })
  })

  it.each([
    '/?limit=0',
    '/?sort=nope',
    '/?q=a&q=b',
    '/?after_id=claude-gone-20240101',
    '/?refresh=1',
    // Another view, or extra columns, would not render as the list does.
    '/?view=changes',
    '/?cols=max_tokens',
  ])('falls back to the bare HTML, with no embedding, for %s', async (path) => {
    const { app } = await pageApp()
    expect(await html(app, path)).toBe(INDEX_HTML)
  })

  it('never waits for the upstream: with no catalogue yet it sends the bare HTML', async () => {
    const { app, fake } = await pageApp(DEMO_MODELS, { load: false })
    fake.setLatency(10_000)
    expect(await html(app, '/')).toBe(INDEX_HTML)
  })
})
