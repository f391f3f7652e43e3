import type { ModelCapabilities } from '@anthropic-ai/sdk/resources/models'
import type { UpstreamCapabilities } from './upstream-model'

type CapabilitySupport = UpstreamCapabilities['batch']

const yes: CapabilitySupport = { supported: true }
const no: CapabilitySupport = { supported: false }
const leaf = (supported: boolean): CapabilitySupport => (supported ? yes : no)

/** What sets one generation of models apart; every other leaf follows from these. */
interface Generation {
  citations: boolean
  pdfInput: boolean
  thinking: boolean
  /** Thinking that decides for itself how much to think (the adaptive type). */
  adaptiveThinking: boolean
  serverTools: boolean
  /** Programmatic tool calling from the code execution tool. */
  codeExecution: boolean
  structuredOutputs: boolean
  /** The effort levels a model takes; none when it takes no effort parameter. */
  effort: readonly ('low' | 'medium' | 'high' | 'max' | 'xhigh')[]
  /** Context-management edits; null where the edit does not exist for the model. */
  clearToolUses: boolean | null
  clearThinking: boolean | null
  compact: boolean | null
}

/**
 * A whole capability tree, every key the pinned SDK's `ModelCapabilities` names,
 * built from a generation's traits; `satisfies` makes tsc fail here when the
 * SDK's shape moves.
 */
export function capabilityTree(generation: Generation): UpstreamCapabilities {
  const effortLevel = (level: Generation['effort'][number]) => leaf(generation.effort.includes(level))
  const optionalLeaf = (value: boolean | null) => (value === null ? null : leaf(value))
  return {
    batch: yes,
    citations: leaf(generation.citations),
    code_execution: leaf(generation.codeExecution),
    context_management: {
      supported: generation.clearToolUses === true || generation.compact === true,
      clear_thinking_20251015: optionalLeaf(generation.clearThinking),
      clear_tool_uses_20250919: optionalLeaf(generation.clearToolUses),
      compact_20260112: optionalLeaf(generation.compact),
    },
    effort: {
      supported: generation.effort.length > 0,
      low: effortLevel('low'),
      medium: effortLevel('medium'),
      high: effortLevel('high'),
      max: effortLevel('max'),
      xhigh: generation.effort.length > 0 ? effortLevel('xhigh') : null,
    },
    image_input: yes,
    pdf_input: leaf(generation.pdfInput),
    server_tools: {
      supported: generation.serverTools,
      web_search: leaf(generation.serverTools),
      code_execution: leaf(generation.serverTools),
    },
    structured_outputs: leaf(generation.structuredOutputs),
    thinking: {
      supported: generation.thinking,
      types: {
        adaptive: leaf(generation.adaptiveThinking),
        between_tools: leaf(generation.thinking),
        disabled: yes,
        enabled: leaf(generation.thinking),
      },
    },
  } satisfies ModelCapabilities
}

/** Claude 2 and 3: images and batches, nothing newer. */
const CLAUDE_2_TRAITS: Generation = {
  citations: false,
  pdfInput: false,
  thinking: false,
  adaptiveThinking: false,
  serverTools: false,
  codeExecution: false,
  structuredOutputs: false,
  effort: [],
  clearToolUses: null,
  clearThinking: null,
  compact: null,
}
// Each generation adds to the one before it.
const CLAUDE_3_5_TRAITS: Generation = { ...CLAUDE_2_TRAITS, citations: true, pdfInput: true, serverTools: true }
const CLAUDE_3_7_TRAITS: Generation = { ...CLAUDE_3_5_TRAITS, thinking: true }
const CLAUDE_4_TRAITS: Generation = {
  ...CLAUDE_3_7_TRAITS,
  structuredOutputs: true,
  clearToolUses: true,
  clearThinking: true,
}
const CLAUDE_4_5_TRAITS: Generation = { ...CLAUDE_4_TRAITS, codeExecution: true, compact: false }
const CLAUDE_4_6_TRAITS: Generation = {
  ...CLAUDE_4_5_TRAITS,
  adaptiveThinking: true,
  effort: ['low', 'medium', 'high', 'max'],
  compact: true,
}

export const CLAUDE_2 = capabilityTree(CLAUDE_2_TRAITS)
export const CLAUDE_3 = CLAUDE_2
export const CLAUDE_3_5 = capabilityTree(CLAUDE_3_5_TRAITS)
/** Claude 3.7: extended thinking. */
export const CLAUDE_3_7 = capabilityTree(CLAUDE_3_7_TRAITS)
/** Claude 4: structured outputs and context editing. */
export const CLAUDE_4 = capabilityTree(CLAUDE_4_TRAITS)
/** Claude 4.5: programmatic tool calling; Opus 4.5 adds the effort parameter. */
export const CLAUDE_4_5 = capabilityTree(CLAUDE_4_5_TRAITS)
export const OPUS_4_5 = capabilityTree({ ...CLAUDE_4_5_TRAITS, effort: ['low', 'medium', 'high'] })
/** Claude 4.6 on: adaptive thinking, compaction, the max effort level. */
export const CLAUDE_4_6 = capabilityTree(CLAUDE_4_6_TRAITS)
/** Claude 5 Opus models add the xhigh effort level. */
export const OPUS_5 = capabilityTree({ ...CLAUDE_4_6_TRAITS, effort: ['low', 'medium', 'high', 'max', 'xhigh'] })
