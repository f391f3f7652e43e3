import type { ChangeKind } from '../../../contract/history'
import type { AvailabilityQuery } from './get-availability'
import type { ModelsView } from './get-models'

/**
 * Every query key of the models feature, so invalidation can address them by
 * prefix. Each names its workspace (null for the server's default one), since
 * every workspace has its own catalogue.
 */
export const modelKeys = {
  all: ['models'] as const,
  lists: () => [...modelKeys.all, 'list'] as const,
  list: (view: ModelsView) => [...modelKeys.lists(), view] as const,
  detail: (workspace: string | null, id: string) => [...modelKeys.all, 'detail', workspace, id] as const,
  seen: (workspace: string | null, since: string | null) => [...modelKeys.all, 'seen', workspace, since] as const,
  changes: (workspace: string | null, kinds: readonly ChangeKind[] | null) =>
    [...modelKeys.all, 'changes', workspace, kinds] as const,
  availability: (query: AvailabilityQuery) => [...modelKeys.all, 'availability', query] as const,
  health: ['health'] as const,
  healthOf: (workspace: string | null) => [...modelKeys.health, workspace] as const,
}
