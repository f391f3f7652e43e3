import type { Capabilities } from './model'

/**
 * The capability tree of API 2026-10-21 (the pinned SDK's `ModelCapabilities`)
 * as groups of leaves: a group's own `supported` is its path, its children are
 * `group.child` (thinking's types one level deeper). The `caps` list parameter
 * and the dashboard's rows both speak in these dotted paths.
 */
export const CAPABILITY_GROUPS = [
  { path: 'batch', children: [] },
  { path: 'citations', children: [] },
  { path: 'code_execution', children: [] },
  { path: 'image_input', children: [] },
  { path: 'pdf_input', children: [] },
  { path: 'structured_outputs', children: [] },
  {
    path: 'context_management',
    children: [
      'context_management.clear_thinking_20251015',
      'context_management.clear_tool_uses_20250919',
      'context_management.compact_20260112',
    ],
  },
  { path: 'effort', children: ['effort.low', 'effort.medium', 'effort.high', 'effort.max', 'effort.xhigh'] },
  { path: 'server_tools', children: ['server_tools.web_search', 'server_tools.code_execution'] },
  {
    path: 'thinking',
    children: [
      'thinking.types.adaptive',
      'thinking.types.between_tools',
      'thinking.types.disabled',
      'thinking.types.enabled',
    ],
  },
] as const

export type CapabilityPath =
  (typeof CAPABILITY_GROUPS)[number]['path'] | (typeof CAPABILITY_GROUPS)[number]['children'][number]

/** Every leaf path, groups first then their children, in the tree's order. */
export const CAPABILITY_PATHS: readonly CapabilityPath[] = CAPABILITY_GROUPS.flatMap((group) => [
  group.path,
  ...group.children,
])

/**
 * Whether a model supports the capability at `path`: true or false as the tree
 * says, null when the tree (or that branch) is absent or null. A group's path
 * reads its `supported`; a leaf's reads the leaf's.
 */
export function capabilitySupport(capabilities: Capabilities | null | undefined, path: CapabilityPath): boolean | null {
  let node: unknown = capabilities
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null
    node = (node as Record<string, unknown>)[key]
  }
  if (node === null || typeof node !== 'object') return null
  const supported = (node as Record<string, unknown>).supported
  return typeof supported === 'boolean' ? supported : null
}
