import type { Model } from '../contract/model'
import { UNKNOWN_RELEASE_DATE } from '../contract/model'

type Lifecycle = 'active' | 'deprecated' | 'retired'

/** The documented limits and capabilities of a model; absent where the docs give none. */
interface Documented {
  max_input_tokens?: number
  max_tokens?: number
  capabilities?: Record<string, { supported: boolean }>
}

function model(
  id: string,
  displayName: string,
  createdAt: string,
  lifecycle: Lifecycle = 'active',
  retiresAt: string | null = null,
  documented: Documented = {},
): Model {
  return {
    id,
    type: 'model',
    display_name: displayName,
    created_at: createdAt,
    lifecycle,
    deprecated_at: null,
    retires_at: retiresAt,
    ...documented,
  }
}

const unknown = UNKNOWN_RELEASE_DATE

const yes = { supported: true }
const no = { supported: false }
// What the models overview documents for every Claude 4 model: vision, PDFs, batches, citations, extended thinking.
const CLAUDE_4 = { batch: yes, citations: yes, image_input: yes, pdf_input: yes, thinking: yes }
const limits = (maxInputTokens: number, maxTokens: number, capabilities?: Documented['capabilities']) => ({
  max_input_tokens: maxInputTokens,
  max_tokens: maxTokens,
  ...(capabilities ? { capabilities } : {}),
})

/**
 * The demo catalogue, newest first as the upstream lists it, modelled on the
 * real Claude line-up. Release dates are the documented ones (a dated id carries
 * its snapshot date); where none is documented the date is the epoch, which the
 * upstream itself uses for "unknown", rather than an invented one. Context
 * windows, output limits and capabilities are the documented ones too, and
 * absent where none is documented.
 */
export const DEMO_MODELS: readonly Model[] = [
  model('claude-opus-5-5', 'Claude Opus 5.5', unknown, 'active', null, limits(1_000_000, 128_000)),
  model('claude-sonnet-5-5', 'Claude Sonnet 5.5', unknown),
  model('claude-haiku-5-5', 'Claude Haiku 5.5', unknown),
  model('claude-opus-5', 'Claude Opus 5', unknown, 'active', null, limits(1_000_000, 128_000)),
  model('claude-sonnet-5', 'Claude Sonnet 5', unknown),
  model('claude-opus-4-8', 'Claude Opus 4.8', unknown),
  model('claude-opus-4-7', 'Claude Opus 4.7', unknown),
  model('claude-sonnet-4-6', 'Claude Sonnet 4.6', unknown),
  model('claude-opus-4-6', 'Claude Opus 4.6', '2026-02-04T00:00:00Z'),
  model(
    'claude-opus-4-5-20251101',
    'Claude Opus 4.5',
    '2025-11-01T00:00:00Z',
    'deprecated',
    '2027-01-22T00:00:00Z',
    limits(200_000, 64_000, CLAUDE_4),
  ),
  model(
    'claude-haiku-4-5-20251001',
    'Claude Haiku 4.5',
    '2025-10-01T00:00:00Z',
    'active',
    null,
    limits(200_000, 64_000, CLAUDE_4),
  ),
  model(
    'claude-sonnet-4-5-20250929',
    'Claude Sonnet 4.5',
    '2025-09-29T00:00:00Z',
    'deprecated',
    '2026-11-30T00:00:00Z',
    limits(200_000, 64_000, CLAUDE_4),
  ),
  model(
    'claude-opus-4-1-20250805',
    'Claude Opus 4.1',
    '2025-08-05T00:00:00Z',
    'retired',
    '2026-08-05T00:00:00Z',
    limits(200_000, 32_000, CLAUDE_4),
  ),
  model(
    'claude-sonnet-4-20250514',
    'Claude Sonnet 4',
    '2025-05-14T00:00:00Z',
    'retired',
    '2026-06-15T00:00:00Z',
    limits(200_000, 64_000, CLAUDE_4),
  ),
  model(
    'claude-opus-4-20250514',
    'Claude Opus 4',
    '2025-05-14T00:00:00Z',
    'retired',
    '2026-06-15T00:00:00Z',
    limits(200_000, 32_000, CLAUDE_4),
  ),
  model(
    'claude-3-haiku-20240307',
    'Claude Haiku 3',
    '2024-03-07T00:00:00Z',
    'retired',
    '2026-04-20T00:00:00Z',
    limits(200_000, 4_096, { batch: yes, image_input: yes, thinking: no }),
  ),
]

/** Aliases the retrieve endpoint resolves, as the real API does for older models. */
export const DEMO_ALIASES: Readonly<Record<string, string>> = {
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-opus-4-1': 'claude-opus-4-1-20250805',
}
