import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { cursorAfter, cursorBefore } from './get-models'

function page(offset: number, count: number, total: number, hasMore: boolean): ModelPage {
  const ids = Array.from({ length: count }, (_, index) => `m${offset + index}`)
  return {
    data: ids.map((id) => ({ id, type: 'model', display_name: id, created_at: '2025-01-01T00:00:00Z' })),
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
    has_more: hasMore,
    total,
    offset,
    fetched_at: '2026-01-01T00:00:00Z',
    stale: false,
    refresh_error: null,
  }
}

describe('page cursors', () => {
  test('a page fetched forwards: has_more tells about the next page, offset about the previous one', () => {
    expect(cursorAfter(page(20, 20, 137, true), { after_id: 'm19' })).toEqual({ after_id: 'm39' })
    expect(cursorAfter(page(120, 17, 137, false), { after_id: 'm119' })).toBeUndefined()
    expect(cursorBefore(page(20, 20, 137, true), { after_id: 'm19' })).toEqual({ before_id: 'm20' })
    expect(cursorBefore(page(0, 20, 137, true), {})).toBeUndefined()
  })

  test('a page fetched backwards: has_more tells about the previous page, offset about the next one', () => {
    expect(cursorBefore(page(20, 20, 137, true), { before_id: 'm40' })).toEqual({ before_id: 'm20' })
    expect(cursorBefore(page(0, 20, 137, false), { before_id: 'm20' })).toBeUndefined()
    expect(cursorAfter(page(0, 20, 137, false), { before_id: 'm20' })).toEqual({ after_id: 'm19' })
  })

  test('an empty page leads nowhere', () => {
    expect(cursorAfter(page(0, 0, 0, false), {})).toBeUndefined()
    expect(cursorBefore(page(0, 0, 0, false), {})).toBeUndefined()
  })
})
