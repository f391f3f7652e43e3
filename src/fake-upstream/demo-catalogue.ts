import type { Model } from '../contract/model'
import { UNKNOWN_RELEASE_DATE } from '../contract/model'

type Lifecycle = 'active' | 'deprecated' | 'retired'

function model(
  id: string,
  displayName: string,
  createdAt: string,
  lifecycle: Lifecycle = 'active',
  retiresAt: string | null = null,
): Model {
  return {
    id,
    type: 'model',
    display_name: displayName,
    created_at: createdAt,
    lifecycle,
    deprecated_at: null,
    retires_at: retiresAt,
  }
}

const unknown = UNKNOWN_RELEASE_DATE

/**
 * The demo catalogue, newest first as the upstream lists it, modelled on the
 * real Claude line-up. Release dates are the documented ones (a dated id carries
 * its snapshot date); where none is documented the date is the epoch, which the
 * upstream itself uses for "unknown", rather than an invented one.
 */
export const DEMO_MODELS: readonly Model[] = [
  model('claude-opus-5-5', 'Claude Opus 5.5', unknown),
  model('claude-sonnet-5-5', 'Claude Sonnet 5.5', unknown),
  model('claude-haiku-5-5', 'Claude Haiku 5.5', unknown),
  model('claude-opus-5', 'Claude Opus 5', unknown),
  model('claude-sonnet-5', 'Claude Sonnet 5', unknown),
  model('claude-opus-4-8', 'Claude Opus 4.8', unknown),
  model('claude-opus-4-7', 'Claude Opus 4.7', unknown),
  model('claude-sonnet-4-6', 'Claude Sonnet 4.6', unknown),
  model('claude-opus-4-6', 'Claude Opus 4.6', '2026-02-04T00:00:00Z'),
  model('claude-opus-4-5-20251101', 'Claude Opus 4.5', '2025-11-01T00:00:00Z', 'deprecated', '2027-01-22T00:00:00Z'),
  model('claude-haiku-4-5-20251001', 'Claude Haiku 4.5', '2025-10-01T00:00:00Z'),
  model(
    'claude-sonnet-4-5-20250929',
    'Claude Sonnet 4.5',
    '2025-09-29T00:00:00Z',
    'deprecated',
    '2026-11-30T00:00:00Z',
  ),
  model('claude-opus-4-1-20250805', 'Claude Opus 4.1', '2025-08-05T00:00:00Z', 'retired', '2026-08-05T00:00:00Z'),
  model('claude-sonnet-4-20250514', 'Claude Sonnet 4', '2025-05-14T00:00:00Z', 'retired', '2026-06-15T00:00:00Z'),
  model('claude-opus-4-20250514', 'Claude Opus 4', '2025-05-14T00:00:00Z', 'retired', '2026-06-15T00:00:00Z'),
  model('claude-3-haiku-20240307', 'Claude Haiku 3', '2024-03-07T00:00:00Z', 'retired', '2026-04-20T00:00:00Z'),
]

/** Aliases the retrieve endpoint resolves, as the real API does for older models. */
export const DEMO_ALIASES: Readonly<Record<string, string>> = {
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-opus-4-1': 'claude-opus-4-1-20250805',
}
