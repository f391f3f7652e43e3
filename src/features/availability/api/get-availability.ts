import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import {
  type AvailabilityPage,
  availabilityPageSchema,
  DEFAULT_AVAILABILITY_SORT,
} from '../../../contract/availability'
import { getJson } from '../../../lib/api-request'
import { type AvailabilityQuery, modelKeys } from '../../../lib/query-keys'

/** Rows per page of the availability table: a whole small catalogue fits on one. */
export const AVAILABILITY_PAGE_SIZE = 50

export function availabilitySearch({ q, sort, differs, cursor }: AvailabilityQuery): URLSearchParams {
  const search = new URLSearchParams({ limit: String(AVAILABILITY_PAGE_SIZE) })
  if (q) search.set('q', q)
  if (sort && sort !== DEFAULT_AVAILABILITY_SORT) search.set('sort', sort)
  if (differs) search.set('differs', '1')
  if (cursor.after_id) search.set('after_id', cursor.after_id)
  if (cursor.before_id) search.set('before_id', cursor.before_id)
  return search
}

/**
 * One page of `GET /api/availability`: every workspace's status of each
 * model. The previous page stays on screen while the next one loads.
 */
export function availabilityQueryOptions(query: AvailabilityQuery) {
  return queryOptions({
    queryKey: modelKeys.availability(query),
    queryFn: ({ signal, client }): Promise<AvailabilityPage> =>
      getJson('/api/availability', availabilitySearch(query), availabilityPageSchema, { signal, client }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}
