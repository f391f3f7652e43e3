import { queryOptions } from '@tanstack/react-query'
import { healthShape } from '../../../contract/answer-checks'
import { getJson, inWorkspace } from '../../../lib/api-request'
import { modelKeys } from '../../../lib/query-keys'

/** The server's mode (demo or live), its workspaces, and the state of one workspace's catalogue snapshot. */
export function healthQueryOptions(workspace: string | null) {
  return queryOptions({
    queryKey: modelKeys.healthOf(workspace),
    queryFn: ({ signal, client }) => getJson('/api/health', inWorkspace(workspace), healthShape, { signal, client }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  })
}
