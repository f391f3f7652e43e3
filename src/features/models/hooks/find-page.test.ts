import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import type { PageCursor } from '../../../lib/query-keys'
import { findPage } from './find-page'

function page(offset: number, ids: string[], total = 100): ModelPage {
  return {
    data: ids.map((id) => ({ id, type: 'model', display_name: id, created_at: '2025-01-01T00:00:00Z' })),
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
    has_more: true,
    total,
    offset,
    fetched_at: '2026-01-01T00:00:00Z',
    stale: false,
    refresh_error: null,
  }
}

const pages = [page(0, ['a', 'b']), page(2, ['c', 'd']), page(4, ['e', 'f'])]
const pageParams: PageCursor[] = [{}, { after_id: 'b' }, { after_id: 'd' }]
const data = { pages, pageParams }

describe('findPage', () => {
  test('a page answers to the cursor it was fetched with', () => {
    expect(findPage(data, {}, 2)).toBe(0)
    expect(findPage(data, { after_id: 'b' }, 2)).toBe(1)
    expect(findPage(data, { after_id: 'd' }, 2)).toBe(2)
  })

  test('and to the cursors its neighbours give it', () => {
    expect(findPage(data, { before_id: 'c' }, 2)).toBe(0)
    expect(findPage(data, { before_id: 'e' }, 2)).toBe(1)
  })

  test('"no cursor" matches a full first page fetched another way', () => {
    const backwards = { pages: [page(0, ['a', 'b']), page(2, ['c', 'd'])], pageParams: [{ before_id: 'c' }, {}] }
    expect(findPage(backwards, {}, 2)).toBe(0)
    const short = { pages: [page(0, ['a']), page(1, ['b', 'c'])], pageParams: [{ before_id: 'b' }, { after_id: 'a' }] }
    expect(findPage(short, {}, 2)).toBe(-1)
  })

  test('a cursor next to nothing loaded is not found', () => {
    expect(findPage(data, { after_id: 'f' }, 2)).toBe(-1)
    expect(findPage(data, { before_id: 'a' }, 2)).toBe(-1)
    expect(findPage(data, { after_id: 'zz' }, 2)).toBe(-1)
  })
})
