import type { Model } from '../../contract/model'
import type { StepCounter, Steps } from '../work-in-steps'

export interface PlausibilityRule {
  /** The share of the current catalogue (0–1) a walk may lose at once and still be believed. */
  maxLossShare: number
  /** Consecutive walks that agree on a doubtful catalogue before it is accepted anyway. */
  agreeingWalks: number
}

/** A walk that does not look like the catalogue it claims to be; the last good snapshot stays. */
export class ImplausibleCatalogueError extends Error {
  override readonly name = 'ImplausibleCatalogueError'
}

/**
 * Why a walk should not be believed at once, or null when it looks right.
 * An empty list, or one that drops more than `maxLossShare` of the models we
 * have, is far more often a broken upstream than a real change. For a walk of
 * `nextCount` models whose ids `listed` knows (a prepared index's), in steps:
 * looking up 100k ids takes tens of ms.
 */
export function* doubtSteps(
  previous: readonly Model[] | null,
  nextCount: number,
  listed: (id: string) => boolean,
  rule: PlausibilityRule,
  work: StepCounter,
): Steps<string | null> {
  if (nextCount === 0) return 'the Anthropic API listed no models at all'
  if (!previous || previous.length === 0) return null
  let lost = 0
  for (const model of previous) {
    if (!listed(model.id)) lost += 1
    if (work.tick()) yield work.take()
  }
  if (lost / previous.length > rule.maxLossShare) {
    return `the Anthropic API listed ${nextCount} models, without ${lost} of the ${previous.length} it listed before`
  }
  return null
}

/** A short key of a walk's ids, so two doubtful walks can be told to agree. */
export function fingerprintOf(models: readonly Model[]): string {
  let hash = 0x811c9dc5
  for (const model of models) {
    for (let index = 0; index < model.id.length; index += 1) {
      hash = Math.imul(hash ^ model.id.charCodeAt(index), 0x01000193)
    }
    hash = Math.imul(hash ^ 0x1f, 0x01000193)
  }
  return `${models.length}:${(hash >>> 0).toString(16)}`
}
