import type { ModelInfo, ModelLine } from '@anthropic-ai/sdk/resources/models'
import {
  CLAUDE_2,
  CLAUDE_3,
  CLAUDE_3_5,
  CLAUDE_3_7,
  CLAUDE_4,
  CLAUDE_4_5,
  CLAUDE_4_6,
  OPUS_4_5,
  OPUS_5,
} from './capability-profiles'
import type { UpstreamCapabilities, UpstreamModel } from './upstream-model'

/** One demo record: every one of the eleven keys API 2026-10-21 sends, typed by the pinned SDK. */
interface Entry {
  id: string
  name: string
  line: ModelLine | null
  /** The release date, `YYYY-MM-DD`. */
  released: string
  window: [maxInputTokens: number, maxTokens: number]
  capabilities: UpstreamCapabilities
  /** Deprecated on, and retiring (or retired) on, both `YYYY-MM-DD`; absent while active. */
  deprecated?: { on: string; retires: string; retired?: true }
}

const day = (date: string) => `${date}T00:00:00Z`

function record({ id, name, line, released, window, capabilities, deprecated }: Entry): UpstreamModel {
  return {
    id,
    type: 'model',
    display_name: name,
    created_at: day(released),
    lifecycle: deprecated ? (deprecated.retired ? 'retired' : 'deprecated') : 'active',
    deprecated_at: deprecated ? day(deprecated.on) : null,
    retires_at: deprecated ? day(deprecated.retires) : null,
    line,
    max_input_tokens: window[0],
    max_tokens: window[1],
    capabilities,
  } satisfies ModelInfo
}

const retired = (on: string, retires: string) => ({ on, retires, retired: true as const })

/**
 * The demo catalogue, newest first as the upstream lists it: the real Claude
 * line-up (current, deprecated and retired ids, from the notes in
 * shared/notes/anthropic-api.md) with every key API 2026-10-21 sends. A dated
 * id carries its snapshot date and Opus 4.6 its documented one; the other
 * release dates, the deprecation dates, the token limits and the capability
 * trees are plausible demo data (the dashboard's banner says it is demo data),
 * so no model shows an unknown date.
 */
export const DEMO_MODELS: readonly UpstreamModel[] = (
  [
    {
      id: 'claude-opus-5-5',
      name: 'Claude Opus 5.5',
      line: 'opus',
      released: '2026-10-27',
      window: [1_000_000, 128_000],
      capabilities: OPUS_5,
    },
    {
      id: 'claude-sonnet-5-5',
      name: 'Claude Sonnet 5.5',
      line: 'sonnet',
      released: '2026-10-13',
      window: [1_000_000, 64_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-haiku-5-5',
      name: 'Claude Haiku 5.5',
      line: 'haiku',
      released: '2026-10-13',
      window: [400_000, 64_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-opus-5',
      name: 'Claude Opus 5',
      line: 'opus',
      released: '2026-08-18',
      window: [1_000_000, 128_000],
      capabilities: OPUS_5,
    },
    {
      id: 'claude-sonnet-5',
      name: 'Claude Sonnet 5',
      line: 'sonnet',
      released: '2026-08-18',
      window: [1_000_000, 64_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-opus-4-8',
      name: 'Claude Opus 4.8',
      line: 'opus',
      released: '2026-06-23',
      window: [1_000_000, 128_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-opus-4-7',
      name: 'Claude Opus 4.7',
      line: 'opus',
      released: '2026-04-16',
      window: [1_000_000, 128_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-sonnet-4-6',
      name: 'Claude Sonnet 4.6',
      line: 'sonnet',
      released: '2026-02-17',
      window: [1_000_000, 64_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-opus-4-6',
      name: 'Claude Opus 4.6',
      line: 'opus',
      released: '2026-02-04',
      window: [1_000_000, 128_000],
      capabilities: CLAUDE_4_6,
    },
    {
      id: 'claude-opus-4-5-20251101',
      name: 'Claude Opus 4.5',
      line: 'opus',
      released: '2025-11-01',
      window: [200_000, 64_000],
      capabilities: OPUS_4_5,
      deprecated: { on: '2026-10-22', retires: '2027-01-22' },
    },
    {
      id: 'claude-haiku-4-5-20251001',
      name: 'Claude Haiku 4.5',
      line: 'haiku',
      released: '2025-10-01',
      window: [200_000, 64_000],
      capabilities: CLAUDE_4_5,
    },
    {
      id: 'claude-sonnet-4-5-20250929',
      name: 'Claude Sonnet 4.5',
      line: 'sonnet',
      released: '2025-09-29',
      window: [200_000, 64_000],
      capabilities: CLAUDE_4_5,
      deprecated: { on: '2026-08-31', retires: '2026-11-30' },
    },
    {
      id: 'claude-opus-4-1-20250805',
      name: 'Claude Opus 4.1',
      line: 'opus',
      released: '2025-08-05',
      window: [200_000, 32_000],
      capabilities: CLAUDE_4,
      deprecated: retired('2026-05-05', '2026-08-05'),
    },
    {
      id: 'claude-sonnet-4-20250514',
      name: 'Claude Sonnet 4',
      line: 'sonnet',
      released: '2025-05-14',
      window: [200_000, 64_000],
      capabilities: CLAUDE_4,
      deprecated: retired('2026-03-16', '2026-06-15'),
    },
    {
      id: 'claude-opus-4-20250514',
      name: 'Claude Opus 4',
      line: 'opus',
      released: '2025-05-14',
      window: [200_000, 32_000],
      capabilities: CLAUDE_4,
      deprecated: retired('2026-03-16', '2026-06-15'),
    },
    {
      id: 'claude-3-7-sonnet-20250219',
      name: 'Claude Sonnet 3.7',
      line: 'sonnet',
      released: '2025-02-19',
      window: [200_000, 64_000],
      capabilities: CLAUDE_3_7,
      deprecated: retired('2025-10-28', '2026-02-19'),
    },
    {
      id: 'claude-3-5-haiku-20241022',
      name: 'Claude Haiku 3.5',
      line: 'haiku',
      released: '2024-10-22',
      window: [200_000, 8_192],
      capabilities: CLAUDE_3_5,
      deprecated: retired('2025-10-28', '2026-02-19'),
    },
    {
      id: 'claude-3-5-sonnet-20241022',
      name: 'Claude Sonnet 3.5 (New)',
      line: 'sonnet',
      released: '2024-10-22',
      window: [200_000, 8_192],
      capabilities: CLAUDE_3_5,
      deprecated: retired('2025-08-13', '2025-10-28'),
    },
    {
      id: 'claude-3-5-sonnet-20240620',
      name: 'Claude Sonnet 3.5 (Old)',
      line: 'sonnet',
      released: '2024-06-20',
      window: [200_000, 8_192],
      capabilities: CLAUDE_3_5,
      deprecated: retired('2025-08-13', '2025-10-28'),
    },
    {
      id: 'claude-3-haiku-20240307',
      name: 'Claude Haiku 3',
      line: 'haiku',
      released: '2024-03-07',
      window: [200_000, 4_096],
      capabilities: CLAUDE_3,
      deprecated: retired('2026-01-20', '2026-04-20'),
    },
    {
      id: 'claude-3-opus-20240229',
      name: 'Claude Opus 3',
      line: 'opus',
      released: '2024-02-29',
      window: [200_000, 4_096],
      capabilities: CLAUDE_3,
      deprecated: retired('2025-06-30', '2026-01-05'),
    },
    // Claude 2 predates the named lines: the upstream sends null, and the dashboard must not guess one from the id.
    {
      id: 'claude-2.1',
      name: 'Claude 2.1',
      line: null,
      released: '2023-11-21',
      window: [200_000, 4_096],
      capabilities: CLAUDE_2,
      deprecated: retired('2025-01-21', '2025-07-21'),
    },
    {
      id: 'claude-2.0',
      name: 'Claude 2.0',
      line: null,
      released: '2023-07-11',
      window: [100_000, 4_096],
      capabilities: CLAUDE_2,
      deprecated: retired('2025-01-21', '2025-07-21'),
    },
  ] satisfies Entry[]
).map(record)

/** Aliases the retrieve endpoint resolves, as the real API does for older models. */
export const DEMO_ALIASES: Readonly<Record<string, string>> = {
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-opus-4-1': 'claude-opus-4-1-20250805',
}
