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

/** A part of a capability tree the dashboard has no path for: a newer leaf, or a value of another shape. */
export interface OtherCapability {
  /** Dotted, as `caps` would write it (`effort.ultra`, `audio_input`). */
  path: string
  /** A leaf's `supported`; null for a null leaf. */
  supported: boolean | null
  /** What was sent when it is no leaf (`{ supported }`) and no branch: shown as text. */
  raw?: unknown
}

const KNOWN_PATHS = new Set<string>(CAPABILITY_PATHS)
// Branches that hold leaves but are no leaf themselves.
const KNOWN_BRANCHES = new Set(['thinking.types'])

/**
 * Every part of the tree that CAPABILITY_PATHS does not name, in the order sent, so a capability newer
 * than the dashboard (at any depth) is shown rather than lost. A leaf is an object with a boolean
 * `supported`; its other keys, and the keys of any other object, are walked in turn.
 */
export function otherCapabilities(capabilities: Capabilities | null | undefined): OtherCapability[] {
  const found: OtherCapability[] = []
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (prefix && key === 'supported') continue
      const path = prefix ? `${prefix}.${key}` : key
      const known = KNOWN_PATHS.has(path) || KNOWN_BRANCHES.has(path)
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        if (!known) found.push({ path, supported: null, ...(value === null ? {} : { raw: value }) })
        continue
      }
      const supported = (value as Record<string, unknown>).supported
      if (!known) {
        if (typeof supported === 'boolean') found.push({ path, supported })
        else if ('supported' in value) found.push({ path, supported: null, raw: supported })
      }
      walk(value as Record<string, unknown>, path)
    }
  }
  if (capabilities) walk(capabilities, '')
  return found
}
