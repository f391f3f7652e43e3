import type { ModelLine } from '@anthropic-ai/sdk/resources/models'
import { UNKNOWN_RELEASE_DATE } from '../contract/model-values'
import { CLAUDE_3_7, CLAUDE_4_5, CLAUDE_4_6, OPUS_5 } from './capability-profiles'
import { DEMO_MODELS } from './demo-catalogue'
import type { UpstreamModel } from './upstream-model'

// Lyric and Sonata are families no line names: their line is null, as the upstream says for such models.
const FAMILIES: readonly { name: string; line: ModelLine | null }[] = [
  { name: 'Haiku', line: 'haiku' },
  { name: 'Sonnet', line: 'sonnet' },
  { name: 'Opus', line: 'opus' },
  { name: 'Mythos', line: 'mythos' },
  { name: 'Lyric', line: null },
  { name: 'Sonata', line: null },
]
const CAPABILITIES = [CLAUDE_3_7, CLAUDE_4_5, CLAUDE_4_6, OPUS_5]
const DAY_MS = 86_400_000
const NEWEST = Date.UTC(2026, 9, 1)
const isoSeconds = (time: number) => new Date(time).toISOString().replace('.000', '')

/**
 * A deterministic catalogue of `count` models for scale tests: the demo line-up
 * first, then synthetic models, newest first, each with all eleven keys of API
 * 2026-10-21. Numbers in names (2 and 10) make the numeric collation visible,
 * every 97th model has an unknown date, every 13th unknown token limits, every
 * 17th no capabilities, and every 11th is deprecated.
 */
export function syntheticCatalogue(count: number): UpstreamModel[] {
  const models: UpstreamModel[] = DEMO_MODELS.filter((model) => model.lifecycle !== 'retired').slice(0, count)
  for (let index = 0; models.length < count; index += 1) {
    const family = FAMILIES[index % FAMILIES.length]!
    const version = Math.floor(index / FAMILIES.length) + 1
    const created = index % 97 === 96 ? UNKNOWN_RELEASE_DATE : isoSeconds(NEWEST - index * (DAY_MS / 4))
    const deprecated = index % 11 === 10
    models.push({
      id: `synthetic-${family.name.toLowerCase()}-${version}-${String(index).padStart(6, '0')}`,
      type: 'model',
      display_name: `Synthetic ${family.name} ${version}`,
      created_at: created,
      lifecycle: deprecated ? 'deprecated' : 'active',
      deprecated_at: deprecated ? isoSeconds(NEWEST - (index % 60) * DAY_MS) : null,
      retires_at: deprecated ? isoSeconds(NEWEST + ((index % 180) + 30) * DAY_MS) : null,
      line: family.line,
      // Clearly synthetic numbers, with some unknown ones (null, as the upstream says it), to sort by.
      max_input_tokens: index % 13 === 12 ? null : 100_000 * ((index % 10) + 1),
      max_tokens: index % 13 === 12 ? null : 8_192 * ((index % 8) + 1),
      capabilities: index % 17 === 16 ? null : CAPABILITIES[index % CAPABILITIES.length]!,
    })
  }
  return models
}
