import type { AvailabilitySort } from '../contract/availability'
import type { ChangeKind } from '../contract/change-kinds'
import type { CapabilityPath } from '../contract/capabilities'
import type { Lifecycle, SortValue } from '../contract/list-params'

// The inputs that name a query are declared here, beside the keys, so this file needs
// nothing but contract types and every fetcher imports it without a circle.

/** What decides which models are listed, and in which order: every view has its own cache. */
export interface ModelsView {
  q: string
  sort: SortValue | null
  limit: number
  /** The stages shown, in canonical order; null for the default (active and deprecated). */
  lifecycle: readonly Lifecycle[] | null
  /** The facets, as the BFF's parameters: lines (`none` for models without one), capabilities all supported, a
   * least context window, and deprecated models retiring within some days; null (or absent) for no such filter. */
  line?: readonly string[] | null
  caps?: readonly CapabilityPath[] | null
  min_context?: number | null
  retiring_within?: number | null
  /** The workspace whose catalogue is listed; null for the server's default one. */
  workspace: string | null
}

/** Where a page starts: right after or right before a model of the view, or at the start. */
export interface PageCursor {
  after_id?: string
  before_id?: string
}

/** What one page of the availability table is: a filter, an order, and where the page starts. */
export interface AvailabilityQuery {
  q: string
  sort: AvailabilitySort | null
  differs: boolean
  cursor: PageCursor
}

/**
 * Every query key of the dashboard, so invalidation can address them by
 * prefix. Each names its workspace (null for the server's default one), since
 * every workspace has its own catalogue.
 */
export const modelKeys = {
  all: ['models'] as const,
  lists: () => [...modelKeys.all, 'list'] as const,
  list: (view: ModelsView) => [...modelKeys.lists(), view] as const,
  detail: (workspace: string | null, id: string) => [...modelKeys.all, 'detail', workspace, id] as const,
  replacement: (workspace: string | null, line: string) => [...modelKeys.all, 'replacement', workspace, line] as const,
  seen: (workspace: string | null, since: string | null) => [...modelKeys.all, 'seen', workspace, since] as const,
  seenModel: (workspace: string | null, id: string) => [...modelKeys.all, 'seen-model', workspace, id] as const,
  changes: (workspace: string | null, kinds: readonly ChangeKind[] | null, since: string | null) =>
    [...modelKeys.all, 'changes', workspace, kinds, since] as const,
  availability: (query: AvailabilityQuery) => [...modelKeys.all, 'availability', query] as const,
  health: ['health'] as const,
  healthOf: (workspace: string | null) => [...modelKeys.health, workspace] as const,
}
