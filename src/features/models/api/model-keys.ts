import type { ModelsView } from './get-models'

/** Every query key of the models feature, so invalidation can address them by prefix. */
export const modelKeys = {
  all: ['models'] as const,
  lists: () => [...modelKeys.all, 'list'] as const,
  list: (view: ModelsView) => [...modelKeys.lists(), view] as const,
  detail: (id: string) => [...modelKeys.all, 'detail', id] as const,
  health: ['health'] as const,
}
