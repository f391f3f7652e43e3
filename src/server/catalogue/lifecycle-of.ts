import type { Lifecycle } from '../../contract/list-params'
import type { Model } from '../../contract/model'

/** A model from an upstream that does not report lifecycles (the seed's shape), or reports a stage unknown here, counts as active. */
export function lifecycleOf(model: Model): Lifecycle {
  const stage = model.lifecycle
  return stage === 'deprecated' || stage === 'retired' ? stage : 'active'
}
