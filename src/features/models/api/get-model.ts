import { queryOptions } from '@tanstack/react-query'
import { modelShape } from '../../../contract/answer-checks'
import type { Model } from '../../../contract/model'
import { getJson, inWorkspace, type RequestContext } from '../../../lib/api-request'
import { modelKeys } from '../../../lib/query-keys'

export function fetchModel(workspace: string | null, id: string, context: RequestContext = {}): Promise<Model> {
  // One encoded path segment, whatever the id holds.
  return getJson(`/api/models/${encodeURIComponent(id)}`, inWorkspace(workspace), modelShape, context)
}

/** One model of a workspace through the upstream's retrieve endpoint (which also resolves aliases). */
export function modelQueryOptions(workspace: string | null, id: string) {
  return queryOptions({
    queryKey: modelKeys.detail(workspace, id),
    queryFn: ({ signal, client }) => fetchModel(workspace, id, { signal, client }),
  })
}
