import { queryOptions } from '@tanstack/react-query'
import { type Model, modelSchema } from '../../../contract/model'
import { getJson } from './api-request'
import { modelKeys } from './model-keys'

export function fetchModel(id: string, signal?: AbortSignal): Promise<Model> {
  // One encoded path segment, whatever the id holds.
  return getJson(`/api/models/${encodeURIComponent(id)}`, new URLSearchParams(), modelSchema, signal)
}

/** One model through the upstream's retrieve endpoint (which also resolves aliases). */
export function modelQueryOptions(id: string) {
  return queryOptions({
    queryKey: modelKeys.detail(id),
    queryFn: ({ signal }) => fetchModel(id, signal),
  })
}
