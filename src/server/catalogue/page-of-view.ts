import type { Model } from '../../contract/model'
import { BadRequestError } from '../errors'
import type { CatalogueView } from './catalogue-snapshot'

export interface ViewPage<T = Model> {
  data: readonly T[]
  first_id: string | null
  last_id: string | null
  has_more: boolean
  offset: number
  total: number
}

/**
 * One page of a view, with the upstream's cursor rules: `after_id` gives the
 * models right after that one, `before_id` the ones right before it, and
 * `has_more` speaks of the direction asked for.
 */
export function pageOfView<T extends { id: string }>(
  view: CatalogueView<T>,
  { limit, after_id: afterId, before_id: beforeId }: { limit: number; after_id?: string; before_id?: string },
): ViewPage<T> {
  const total = view.models.length
  let start = 0
  let end = Math.min(limit, total)
  let hasMore = end < total
  if (afterId !== undefined) {
    start = positionOrThrow(view, afterId, 'after_id') + 1
    end = Math.min(start + limit, total)
    hasMore = end < total
  } else if (beforeId !== undefined) {
    end = positionOrThrow(view, beforeId, 'before_id')
    start = Math.max(0, end - limit)
    hasMore = start > 0
  }
  const data = view.models.slice(start, end)
  return {
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: hasMore,
    offset: start,
    total,
  }
}

function positionOrThrow<T extends { id: string }>(
  view: CatalogueView<T>,
  id: string,
  name: 'after_id' | 'before_id',
): number {
  const position = view.positionOf(id)
  if (position < 0) {
    throw new BadRequestError(
      `${name} "${id}" is not in this view of the catalogue (unknown, or filtered out). Start again from the first page.`,
    )
  }
  return position
}
