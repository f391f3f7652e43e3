import type { UpstreamModel } from './upstream-model'

/** One past walk of the demo catalogue: the models as the upstream listed them then (every stage). */
export interface PastWalk {
  at: number
  models: UpstreamModel[]
}

const timeOf = (value: string | null) => (value === null ? null : Date.parse(value))

/**
 * The demo catalogue's past, as walks at each date it changed, oldest first:
 * a model appears on its release date, turns deprecated on its `deprecated_at`
 * and retired on its `retires_at` (if it is retired now). The last walk is the
 * catalogue as it is now, so a history that starts with these walks has the
 * notes' retirements at their dates and nothing new at the first live walk.
 * Dates after `until` have not happened yet and are left out.
 */
export function demoHistory(models: readonly UpstreamModel[], until: number): PastWalk[] {
  const stageAt = (model: UpstreamModel, at: number): UpstreamModel['lifecycle'] => {
    const retires = timeOf(model.retires_at)
    const deprecated = timeOf(model.deprecated_at)
    if (model.lifecycle === 'retired' && retires !== null && retires <= at) return 'retired'
    if (model.lifecycle !== 'active' && deprecated !== null && deprecated <= at) return 'deprecated'
    return 'active'
  }
  const dates = new Set<number>()
  for (const model of models) {
    for (const date of [
      model.created_at,
      model.deprecated_at,
      model.lifecycle === 'retired' ? model.retires_at : null,
    ]) {
      const time = date === null ? null : Date.parse(date)
      if (time !== null && time > 0 && time <= until) dates.add(time)
    }
  }
  return [...dates]
    .sort((a, b) => a - b)
    .map((at) => ({
      at,
      models: models
        .filter((model) => Date.parse(model.created_at) <= at)
        .map((model) => {
          const stage = stageAt(model, at)
          if (stage === model.lifecycle) return model
          // Before its deprecation a model was active, with no dates; before retirement, deprecated.
          return stage === 'active'
            ? { ...model, lifecycle: stage, deprecated_at: null, retires_at: null }
            : { ...model, lifecycle: stage }
        }),
    }))
}
