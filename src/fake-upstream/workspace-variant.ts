import type { Model } from '../contract/model'

const DAY_MS = 86_400_000

/** FNV-1a: a small, stable hash, so each workspace's differences are the same on every run. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193) >>> 0
  }
  return value
}

/**
 * The catalogue as another workspace of the same organization sees it: about
 * one model in five is not enabled there, and about one active model in eight
 * is already deprecated there, retiring 20 days after `now`. Deterministic in
 * the workspace id, so the demo and the tests can tell workspaces apart.
 */
export function workspaceVariant<T extends Model>(models: readonly T[], workspaceId: string, now = Date.now()): T[] {
  const retiresAt = new Date(now + 20 * DAY_MS).toISOString().slice(0, 10) + 'T00:00:00Z'
  return models.flatMap((model): T[] => {
    const roll = hash(`${workspaceId}/${model.id}`) % 40
    if (roll < 8) return []
    if (roll < 13 && (model.lifecycle ?? 'active') === 'active') {
      const deprecatedAt = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z')
      return [{ ...model, lifecycle: 'deprecated' as const, deprecated_at: deprecatedAt, retires_at: retiresAt }]
    }
    return [model]
  })
}
