import type { QueryClient } from '@tanstack/react-query'
import type { ModelPage } from '../../../contract/model'
import type { ModelsView, PageCursor } from '../../../lib/query-keys'
import { modelKeys } from '../../../lib/query-keys'
import { cursorAfter, fetchModelsPage, modelPagesQueryOptions } from './get-models'

/**
 * For each view in `client` with one page loaded, the page after it, fetched
 * as the dashboard prefetches it once that page is on screen (useModelPages).
 * The server's render of a page does this so the page embeds it and the
 * browser does not ask: a first visit saves that answer's headers and round
 * trip (issue #10). A next page from another snapshot than the page before it
 * (the catalogue was refreshed in between) is not kept, nor is a failure: the
 * browser then prefetches it as it would have.
 */
export async function fetchNextModelPages(client: QueryClient, signal?: AbortSignal): Promise<void> {
  const lists = client.getQueryCache().findAll({ queryKey: modelKeys.lists(), type: 'all' })
  await Promise.all(
    lists.map(async (query) => {
      // The key is modelKeys.list(view): the view is its third part.
      const view = query.queryKey[2] as ModelsView
      const key = modelPagesQueryOptions(view, {}).queryKey
      const loaded = client.getQueryData(key)
      if (query.state.status !== 'success' || loaded?.pages.length !== 1) return
      const [page] = loaded.pages as [ModelPage]
      const [fetchedWith] = loaded.pageParams as [PageCursor]
      const cursor = cursorAfter(page, fetchedWith)
      if (!cursor) return
      const next = await fetchModelsPage(view, cursor, { client, signal }).catch(() => null)
      if (!next || next.fetched_at !== page.fetched_at || client.getQueryData(key) !== loaded) return
      // As old as the page it follows: the browser judges both fresh or stale together.
      client.setQueryData(
        key,
        { pages: [page, next], pageParams: [fetchedWith, cursor] },
        { updatedAt: query.state.dataUpdatedAt },
      )
    }),
  )
}
