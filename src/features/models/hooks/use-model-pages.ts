import { hashKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ModelPage } from '../../../contract/model'
import { isStaleCursorError } from '../../../lib/api-request'
import { useAction } from '../../../hooks/use-action'
import { cursorAfter, cursorBefore, fetchModelsPage, modelPagesQueryOptions } from '../api/get-models'
import { modelKeys } from '../../../lib/query-keys'
import { findPage } from './find-page'
import type { ModelsSearchParams } from './use-models-search-params'

const STALE_CURSOR_NOTICE =
  'The page this address points to is no longer in the catalogue (the catalogue changed), so this is the first page of the same view.'

/**
 * The page of models the URL asks for, from the view's cursor pages. Pages
 * already loaded come from the cache; the next one is prefetched once the
 * current one is on screen; while a page loads, the last one stays on screen.
 * A cursor the server no longer knows leads to the first page of the same view.
 */
export function useModelPages(params: ModelsSearchParams) {
  const { view, cursor, isFilterPending, goToPage, goToFirstPageInstead } = params
  const queryClient = useQueryClient()
  const options = useMemo(() => modelPagesQueryOptions(view, cursor), [view, cursor])
  const queryHash = hashKey(options.queryKey)
  const query = useInfiniteQuery(options)
  const { data, error, errorUpdatedAt, isFetching, isPlaceholderData, hasNextPage, hasPreviousPage } = query
  const { fetchNextPage, fetchPreviousPage, refetch } = query

  const settled = !isFilterPending && !isPlaceholderData && data !== undefined
  const index = settled ? findPage(data, cursor, view.limit) : -1
  const current = index >= 0 ? data?.pages[index] : undefined

  // The last page shown stays on screen (dimmed) until the one asked for arrives: no blank flash.
  const [shown, setShown] = useState<ModelPage | undefined>(current)
  if (current && current !== shown) setShown(current)

  // The fallback notice belongs to the view it was given for, and only to its first page.
  const [notice, setNotice] = useState<{ queryHash: string; message: string } | null>(null)

  const restartView = useCallback(() => {
    // The view's pages no longer match the catalogue (or the URL): start over where the URL says.
    queryClient.removeQueries({ queryKey: options.queryKey, exact: true })
  }, [queryClient, options.queryKey])

  const fallBackToFirstPage = useCallback(() => {
    setNotice({ queryHash, message: STALE_CURSOR_NOTICE })
    restartView()
    void goToFirstPageInstead()
  }, [queryHash, restartView, goToFirstPageInstead])

  // A cursor the server refuses (a link from before the catalogue changed) is an event, not a state to show.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return
        if (event.query.queryHash === queryHash && isStaleCursorError(event.action.error)) fallBackToFirstPage()
      }),
    [queryClient, queryHash, fallBackToFirstPage],
  )

  /** Fetches whatever the URL asks for that is not loaded yet. */
  const loadMissingPage = useCallback(() => {
    if (!data) return void refetch()
    const first = data.pages[0]
    const last = data.pages.at(-1)
    if (cursor.after_id && cursor.after_id === last?.last_id && hasNextPage) return void fetchNextPage()
    if (cursor.before_id && cursor.before_id === first?.first_id && hasPreviousPage) return void fetchPreviousPage()
    // Not next to anything loaded (history far back, or pages dropped from memory): start the view there.
    restartView()
    void refetch()
  }, [data, cursor, hasNextPage, hasPreviousPage, fetchNextPage, fetchPreviousPage, refetch, restartView])

  useEffect(() => {
    if (!settled || index >= 0 || isFetching || error) return
    loadMissingPage()
  }, [settled, index, isFetching, error, loadMissingPage])

  // A page of nothing inside a catalogue of something: the cursor sits at an edge of the view.
  const pointsNowhere = current !== undefined && current.data.length === 0 && current.total > 0
  useEffect(() => {
    if (pointsNowhere) void goToFirstPageInstead()
  }, [pointsNowhere, goToFirstPageInstead])

  // Prefetch: once a page is on screen, its neighbours at the edges of what is loaded come next.
  const pageCount = data?.pages.length ?? 0
  useEffect(() => {
    if (index < 0 || isFetching || error) return
    if (index === pageCount - 1 && hasNextPage) void fetchNextPage()
    else if (index === 0 && hasPreviousPage) void fetchPreviousPage()
  }, [index, pageCount, isFetching, error, hasNextPage, hasPreviousPage, fetchNextPage, fetchPreviousPage])

  const fetchedWith = data && index >= 0 ? data.pageParams[index] : undefined
  const next = current && fetchedWith ? (data?.pageParams[index + 1] ?? cursorAfter(current, fetchedWith)) : undefined
  const previous =
    current && fetchedWith ? (index > 0 ? data?.pageParams[index - 1] : cursorBefore(current, fetchedWith)) : undefined

  const refresh = useAction(() => fetchModelsPage(view, cursor, { refresh: true }), {
    onSuccess: async (page: ModelPage) => {
      // Every other view and model was read from the old snapshot.
      await queryClient.invalidateQueries({ queryKey: modelKeys.all, refetchType: 'none' })
      queryClient.setQueryData(options.queryKey, { pages: [page], pageParams: [cursor] })
      await queryClient.invalidateQueries({ queryKey: modelKeys.health })
    },
    onError: (refreshError) => {
      if (isStaleCursorError(refreshError)) fallBackToFirstPage()
    },
  })

  const showError = index < 0 && error !== null && !isFetching
  return {
    /** The rows on screen: the page asked for, or the last one while it loads. */
    page: current ?? (showError ? undefined : shown),
    /** A page is being fetched for the screen (not a prefetch in the background). */
    isLoading: index < 0 && !showError,
    error: showError ? { error, failedAt: errorUpdatedAt } : null,
    retry: loadMissingPage,
    notice: notice && notice.queryHash === queryHash && !cursor.after_id && !cursor.before_id ? notice.message : null,
    canGoNext: next !== undefined,
    canGoPrevious: previous !== undefined,
    goNext: () => next && void goToPage(next),
    goPrevious: () => previous && void goToPage(previous),
    refresh: refresh.start,
    isRefreshing: refresh.isPending,
    refreshError:
      refresh.error && !isStaleCursorError(refresh.error)
        ? { error: refresh.error, failedAt: refresh.submittedAt }
        : null,
  }
}
export type ModelPages = ReturnType<typeof useModelPages>
