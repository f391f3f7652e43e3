import type { InfiniteData } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { createQueryClient } from '../../../app/query-client'
import type { ModelPage } from '../../../contract/model'
import { type ApiTransport, setApiTransport } from '../../../lib/api-request'
import type { ModelsView, PageCursor } from '../../../lib/query-keys'
import { modelPagesQueryOptions } from './get-models'
import { fetchNextModelPages } from './next-pages-ahead'

const VIEW: ModelsView = { q: 'son', sort: '-created_at', limit: 2, lifecycle: null, workspace: null }
const FETCHED_AT = '2026-01-01T00:00:00Z'

function page(offset: number, total: number, fetchedAt = FETCHED_AT): ModelPage {
  const ids = [`m${offset}`, `m${offset + 1}`].filter((_, index) => offset + index < total)
  return {
    data: ids.map((id) => ({ id, type: 'model', display_name: id, created_at: '2025-01-01T00:00:00Z' })),
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
    has_more: offset + ids.length < total,
    total,
    offset,
    fetched_at: fetchedAt,
    stale: false,
    refresh_error: null,
  }
}

/** A client holding `pages` of VIEW, whose requests `answer` answers (and are recorded). */
function clientWith(pages: ModelPage[], pageParams: PageCursor[], answer: (target: string) => Promise<Response>) {
  const client = createQueryClient({ retry: false })
  const asked: string[] = []
  const transport: ApiTransport = (target) => {
    asked.push(target)
    return answer(target)
  }
  setApiTransport(client, transport)
  const key = modelPagesQueryOptions(VIEW, {}).queryKey
  client.setQueryData(key, { pages, pageParams }, { updatedAt: 1_000 })
  const loaded = () => client.getQueryData(key) as InfiniteData<ModelPage, PageCursor>
  return { client, asked, loaded, updatedAt: () => client.getQueryState(key)?.dataUpdatedAt }
}

describe('the next page of a view, fetched ahead (for the page the server renders)', () => {
  test('a view with one page gets the page after it, asked with the same view and the cursor after its last model', async () => {
    const next = page(2, 5)
    const { client, asked, loaded, updatedAt } = clientWith([page(0, 5)], [{}], async () => Response.json(next))
    await fetchNextModelPages(client)
    expect(asked).toHaveLength(1)
    const search = new URLSearchParams(asked[0]!.split('?')[1])
    expect(Object.fromEntries(search)).toMatchObject({ q: 'son', sort: '-created_at', limit: '2', after_id: 'm1' })
    expect(loaded().pages).toEqual([page(0, 5), next])
    expect(loaded().pageParams).toEqual([{}, { after_id: 'm1' }])
    // As old as the page it follows: the two are judged fresh or stale together.
    expect(updatedAt()).toBe(1_000)
  })

  test('a page opened in the middle gets the page after it too', async () => {
    const { client, asked, loaded } = clientWith([page(2, 6)], [{ after_id: 'm1' }], async () =>
      Response.json(page(4, 6)),
    )
    await fetchNextModelPages(client)
    expect(new URLSearchParams(asked[0]!.split('?')[1]).get('after_id')).toBe('m3')
    expect(loaded().pageParams).toEqual([{ after_id: 'm1' }, { after_id: 'm3' }])
  })

  test('a next page from another snapshot (the catalogue was refreshed between the two) is not kept', async () => {
    const { client, loaded } = clientWith([page(0, 5)], [{}], async () =>
      Response.json(page(2, 5, '2026-01-01T00:05:00Z')),
    )
    await fetchNextModelPages(client)
    expect(loaded().pages).toEqual([page(0, 5)])
  })

  test('a failed or unreadable answer keeps the one page, and says nothing: the browser asks for it as usual', async () => {
    for (const answer of [
      () => Promise.reject(new TypeError('fetch failed')),
      async () => Response.json({ error: { type: 'invalid_request_error', message: 'gone' } }, { status: 400 }),
      async () => Response.json({ data: 'not a page' }),
    ]) {
      const { client, loaded } = clientWith([page(0, 5)], [{}], answer)
      await fetchNextModelPages(client)
      expect(loaded().pages).toEqual([page(0, 5)])
    }
  })

  test('asks nothing for the last page of a view, nor for a view with more than one page loaded', async () => {
    for (const [pages, pageParams] of [
      [[page(4, 5)], [{ after_id: 'm3' }]],
      [
        [page(0, 5), page(2, 5)],
        [{}, { after_id: 'm1' }],
      ],
    ] as const) {
      const { client, asked } = clientWith([...pages], [...pageParams], async () => Response.json(page(2, 5)))
      await fetchNextModelPages(client)
      expect(asked).toEqual([])
    }
  })
})
