import { queryOptions } from '@tanstack/react-query'
import { listParamsToSearch } from '../../../contract/list-params'
import { modelPageShape } from '../../../contract/answer-checks'
import type { Model } from '../../../contract/model'
import { getJson, inWorkspace, type RequestContext } from '../../../lib/api-request'
import { modelKeys } from '../../../lib/query-keys'

/** The newest active model of a line, asked of the BFF as one row of that view; null when the line has none. */
export async function fetchReplacement(workspace: string | null, line: string, context: RequestContext = {}) {
  const search = listParamsToSearch({ line: [line], lifecycle: ['active'], sort: '-created_at', limit: 1 })
  const page = await getJson('/api/models', inWorkspace(workspace, search), modelPageShape, context)
  return (page.data[0] as Model | undefined) ?? null
}

/** The suggested replacement of a deprecated or retired model: the newest active model of its line. */
export function replacementQueryOptions(workspace: string | null, line: string) {
  return queryOptions({
    queryKey: modelKeys.replacement(workspace, line),
    queryFn: ({ signal, client }) => fetchReplacement(workspace, line, { signal, client }),
  })
}
