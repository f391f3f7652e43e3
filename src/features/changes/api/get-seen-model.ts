import { queryOptions } from '@tanstack/react-query'
import type { SeenModel } from '../../../contract/history'
import { modelKeys } from '../../../lib/query-keys'
import { fetchSeenPage } from './get-seen'

/** What the workspace's history knows of one model that came or went (null if it is neither new nor gone). */
export function seenModelQueryOptions(workspace: string | null, id: string) {
  return queryOptions({
    queryKey: modelKeys.seenModel(workspace, id),
    queryFn: async ({ signal, client }): Promise<SeenModel | null> => {
      const page = await fetchSeenPage(workspace, { model_id: id, limit: '1' }, { signal, client })
      return page.data.find((model) => model.model_id === id) ?? null
    },
    staleTime: 60_000,
    // Without a history (503) the dialog says what the model lookup said: no retries.
    retry: false,
  })
}
