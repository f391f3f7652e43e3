import type { Model } from '../contract/model'
import { UNKNOWN_RELEASE_DATE } from '../contract/model'
import { DEMO_MODELS } from './demo-catalogue'

const FAMILIES = ['Haiku', 'Sonnet', 'Opus', 'Mythos', 'Lyric', 'Sonata']
const DAY_MS = 86_400_000
const NEWEST = Date.UTC(2026, 9, 1)

/**
 * A deterministic catalogue of `count` models for scale tests: the demo line-up
 * first, then synthetic models, newest first. Numbers in names (2 and 10) make
 * the numeric collation visible, every 97th model has an unknown date and
 * every 13th unknown token limits.
 */
export function syntheticCatalogue(count: number): Model[] {
  const models: Model[] = DEMO_MODELS.filter((model) => model.lifecycle !== 'retired').slice(0, count)
  for (let index = 0; models.length < count; index += 1) {
    const family = FAMILIES[index % FAMILIES.length]!
    const version = Math.floor(index / FAMILIES.length) + 1
    const created =
      index % 97 === 96
        ? UNKNOWN_RELEASE_DATE
        : new Date(NEWEST - index * (DAY_MS / 4)).toISOString().replace('.000', '')
    models.push({
      id: `synthetic-${family.toLowerCase()}-${version}-${String(index).padStart(6, '0')}`,
      type: 'model',
      display_name: `Synthetic ${family} ${version}`,
      created_at: created,
      lifecycle: index % 11 === 10 ? 'deprecated' : 'active',
      // Clearly synthetic numbers, with some unknown ones (null, as the upstream says it), to sort by.
      max_input_tokens: index % 13 === 12 ? null : 100_000 * ((index % 10) + 1),
      max_tokens: index % 13 === 12 ? null : 8_192 * ((index % 8) + 1),
    })
  }
  return models
}
