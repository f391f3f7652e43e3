import { queryOptions } from '@tanstack/react-query'
import { healthSchema } from '../../../contract/model'
import { getJson } from './api-request'
import { modelKeys } from './model-keys'

/** The server's mode (demo or live) and the state of its catalogue snapshot. */
export function healthQueryOptions() {
  return queryOptions({
    queryKey: modelKeys.health,
    queryFn: ({ signal }) => getJson('/api/health', new URLSearchParams(), healthSchema, signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
  })
}
