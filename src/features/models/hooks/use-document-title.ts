import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { pageTitle } from '../../../contract/page-title'
import { modelQueryOptions } from '../api/get-model'
import type { ModelsSearchParams } from './use-models-search-params'

/**
 * Keeps document.title on the view shown, as the server titled the page it
 * sent (contract/page-title.ts): the open model by its name once known, the
 * tab, the search as it reaches the query.
 */
export function useDocumentTitle(params: Pick<ModelsSearchParams, 'model' | 'tab' | 'view' | 'workspace'>) {
  const { model: id, tab, workspace } = params
  const q = params.view.q
  // The dialog asks for the same model: one request, shared through the cache.
  const model = useQuery({ ...modelQueryOptions(workspace, id ?? ''), enabled: id !== null })
  const name = model.data?.display_name
  useEffect(() => {
    const search = new URLSearchParams()
    if (id) search.set('model', id)
    if (tab !== 'models') search.set('view', tab)
    if (q) search.set('q', q)
    document.title = pageTitle(search, () => name).title
  }, [id, tab, q, name])
}
