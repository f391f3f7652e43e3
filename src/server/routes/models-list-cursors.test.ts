import { describe, expect, it } from 'vitest'
import type { ModelPage } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp, type TestApp } from '../../testing/test-app'

const CATALOGUE = syntheticCatalogue(300)

const VIEWS: Record<string, Record<string, string>> = {
  'the whole catalogue in upstream order': {},
  'a filter': { q: 'sonnet' },
  'a sort with ties': { sort: 'display_name' },
  'a filter and a descending date sort with unknown dates': { q: 'synthetic', sort: '-created_at' },
}

const PAGE_SIZES = [1, 7, 20, 1000]

/** Follows after_id from the first page to the end, checking each page's bookkeeping on the way. */
async function walkForward(listPage: TestApp['listPage'], view: Record<string, string>, limit: number) {
  const pages: ModelPage[] = [await listPage({ ...view, limit: String(limit) })]
  while (pages.at(-1)!.has_more) {
    pages.push(await listPage({ ...view, limit: String(limit), after_id: pages.at(-1)!.last_id! }))
  }
  return pages
}

/** Starts at the last model and follows before_id back to the start. */
async function walkBackward(
  listPage: TestApp['listPage'],
  view: Record<string, string>,
  limit: number,
  lastId: string,
) {
  const pages: ModelPage[] = [await listPage({ ...view, limit: String(limit), before_id: lastId })]
  while (pages[0]!.has_more) {
    pages.unshift(await listPage({ ...view, limit: String(limit), before_id: pages[0]!.first_id! }))
  }
  return pages
}

describe.each(Object.entries(VIEWS))('walking the cursors of %s', (_name, view) => {
  async function wholeView() {
    const app = createTestApp({ upstream: { models: CATALOGUE } })
    const all = await app.listPage({ ...view, limit: '1000' })
    expect(all.has_more).toBe(false)
    expect(all.total).toBe(all.data.length)
    expect(all.total).toBeGreaterThan(20)
    // The view holds exactly the models the filter keeps, whatever their order.
    const terms = (view.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    const kept = CATALOGUE.filter((model) =>
      terms.every((term) => model.id.toLowerCase().includes(term) || model.display_name.toLowerCase().includes(term)),
    )
    expect(all.data.map((model) => model.id).sort()).toEqual(kept.map((model) => model.id).sort())
    return { app, expected: all.data.map((model) => model.id) }
  }

  it.each(PAGE_SIZES)('forwards with limit=%i: the pages add up to the view, no gaps, no duplicates', async (limit) => {
    const { app, expected } = await wholeView()
    const pages = await walkForward(app.listPage, view, limit)
    expect(pages.flatMap((page) => page.data.map((model) => model.id))).toEqual(expected)
    let offset = 0
    for (const page of pages) {
      expect(page.offset).toBe(offset)
      expect(page.total).toBe(expected.length)
      expect(page.data.length).toBeLessThanOrEqual(limit)
      expect(page.first_id).toBe(page.data[0]?.id ?? null)
      expect(page.last_id).toBe(page.data.at(-1)?.id ?? null)
      offset += page.data.length
    }
    expect(pages).toHaveLength(Math.ceil(expected.length / limit))
  })

  it.each(PAGE_SIZES)('backwards with limit=%i from the end: the pages add up to the view', async (limit) => {
    const { app, expected } = await wholeView()
    const lastId = expected.at(-1)!
    const pages = await walkBackward(app.listPage, view, limit, lastId)
    expect([...pages.flatMap((page) => page.data.map((model) => model.id)), lastId]).toEqual(expected)
    expect(pages[0]!.offset).toBe(0)
    for (const [index, page] of pages.entries()) {
      expect(page.data.length).toBeLessThanOrEqual(limit)
      const next = pages[index + 1]
      if (next) expect(page.offset + page.data.length).toBe(next.offset)
    }
  })

  it('turns around: a page back from a page forward gives the page before it again', async () => {
    const { app } = await wholeView()
    const first = await app.listPage({ ...view, limit: '7' })
    const second = await app.listPage({ ...view, limit: '7', after_id: first.last_id! })
    const back = await app.listPage({ ...view, limit: '7', before_id: second.first_id! })
    expect(back.data).toEqual(first.data)
    expect(back).toMatchObject({ offset: 0, has_more: false })
  })
})

it('walks the whole catalogue, 300 models, with one upstream walk', async () => {
  const { listPage, fake } = createTestApp({ upstream: { models: CATALOGUE } })
  const pages = await walkForward(listPage, {}, 20)
  expect(pages.flatMap((page) => page.data)).toEqual(CATALOGUE)
  expect(fake.stats.listCalls).toBe(1)
})
