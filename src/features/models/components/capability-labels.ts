import type { CapabilityPath } from '../../../contract/capabilities'

/** Each capability path in plain words, as a row or a checkbox says it within its group. */
export const CAPABILITY_LABELS: Readonly<Record<CapabilityPath, string>> = {
  batch: 'Batch API',
  citations: 'Citations',
  code_execution: 'Tool calls from executed code',
  image_input: 'Image input',
  pdf_input: 'PDF input',
  structured_outputs: 'Structured outputs',
  context_management: 'Context management',
  'context_management.clear_thinking_20251015': 'Clearing old thinking',
  'context_management.clear_tool_uses_20250919': 'Clearing old tool results',
  'context_management.compact_20260112': 'Compaction',
  effort: 'Effort parameter',
  'effort.low': 'Low effort',
  'effort.medium': 'Medium effort',
  'effort.high': 'High effort',
  'effort.max': 'Max effort',
  'effort.xhigh': 'Extra-high effort',
  server_tools: 'Server tools',
  'server_tools.web_search': 'Web search tool',
  'server_tools.code_execution': 'Code execution tool',
  thinking: 'Extended thinking',
  'thinking.types.adaptive': 'Adaptive thinking',
  'thinking.types.between_tools': 'Thinking between tool calls',
  'thinking.types.disabled': 'Thinking off',
  'thinking.types.enabled': 'Thinking on',
}

/** Line names as people write them; a line the dashboard does not know yet is shown as sent. */
export const LINE_LABELS: Readonly<Record<string, string>> = {
  haiku: 'Haiku',
  sonnet: 'Sonnet',
  opus: 'Opus',
  fable: 'Fable',
  mythos: 'Mythos',
  none: 'No line',
}

/** `audio_input_20270101` → "Audio input": a capability the dashboard has no words for yet, never its raw key. */
function humanName(key: string): string {
  const words = key.replace(/_\d{8}$/, '').replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A path the dashboard has no label for, in words: `effort.ultra` → "Effort parameter › Ultra". */
export function describeOtherCapability(path: string): string {
  const parts = path.split('.')
  // The deepest known ancestor keeps its own label; the newer parts are put in words.
  for (let cut = parts.length - 1; cut > 0; cut -= 1) {
    const known = CAPABILITY_LABELS[parts.slice(0, cut).join('.') as CapabilityPath]
    if (known) return [known, ...parts.slice(cut).map(humanName)].join(' › ')
  }
  return parts.map(humanName).join(' › ')
}
