import type { InfiniteData } from '@tanstack/react-query'
import type { ModelPage } from '../../../contract/model'
import type { PageCursor } from '../../../lib/query-keys'

/**
 * Which loaded page the URL's cursor points at, or -1. A page answers to the
 * cursor it was fetched with, and also to the cursors its neighbours give it
 * (after the previous page's last model, before the next page's first), since
 * Back and Forward can bring either. "No cursor" is a full first page.
 */
export function findPage(data: InfiniteData<ModelPage, PageCursor>, cursor: PageCursor, limit: number): number {
  const { pages, pageParams } = data
  return pages.findIndex((page, index) => {
    const fetchedWith = pageParams[index] ?? {}
    if (fetchedWith.after_id === cursor.after_id && fetchedWith.before_id === cursor.before_id) return true
    if (cursor.after_id) return pages[index - 1]?.last_id === cursor.after_id
    if (cursor.before_id) return pages[index + 1]?.first_id === cursor.before_id
    return page.offset === 0 && page.data.length === Math.min(limit, page.total)
  })
}
