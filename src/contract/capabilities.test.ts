import { describe, expect, it } from 'vitest'
import { DEMO_MODELS } from '../fake-upstream/demo-catalogue'
import { CAPABILITY_PATHS, capabilitySupport, otherCapabilities } from './capabilities'

const opus55 = DEMO_MODELS.find((model) => model.id === 'claude-opus-5-5')!
const claude2 = DEMO_MODELS.find((model) => model.id === 'claude-2.0')!

describe('capabilitySupport', () => {
  it('reads a group from its own supported, and a leaf (thinking types one level deeper) from the leaf', () => {
    expect(capabilitySupport(opus55.capabilities, 'thinking')).toBe(true)
    expect(capabilitySupport(opus55.capabilities, 'thinking.types.adaptive')).toBe(true)
    expect(capabilitySupport(claude2.capabilities, 'thinking.types.adaptive')).toBe(false)
    expect(capabilitySupport(opus55.capabilities, 'effort.xhigh')).toBe(true)
  })

  it('gives null for a null tree, a null leaf, or a branch another API version leaves out', () => {
    expect(capabilitySupport(null, 'batch')).toBeNull()
    expect(capabilitySupport(undefined, 'batch')).toBeNull()
    // Claude 2 has no context editing: its leaves are null, not false.
    expect(capabilitySupport(claude2.capabilities, 'context_management.compact_20260112')).toBeNull()
    expect(capabilitySupport({ batch: { supported: true } }, 'thinking.types.enabled')).toBeNull()
  })

  it('knows every leaf of the pinned SDK tree: each path reads a boolean on a full record', () => {
    for (const path of CAPABILITY_PATHS)
      expect(typeof capabilitySupport(opus55.capabilities, path), path).toBe('boolean')
    expect(CAPABILITY_PATHS).toHaveLength(24)
  })
})

describe('otherCapabilities', () => {
  it('finds nothing in a tree of API 2026-10-21, nulls included', () => {
    for (const model of DEMO_MODELS) expect(otherCapabilities(model.capabilities)).toEqual([])
    expect(otherCapabilities(null)).toEqual([])
  })

  it('finds newer leaves at any depth, and values of another shape, in the order sent', () => {
    const tree = {
      ...DEMO_MODELS[0]!.capabilities!,
      audio_input: { supported: true },
      effort: { ...DEMO_MODELS[0]!.capabilities!.effort!, ultra: { supported: false } },
      thinking: { supported: true, types: { adaptive: { supported: true }, dreaming: null }, budget: 'large' },
      batch: { supported: true, max_requests: 100_000 },
      rate: { supported: 'sometimes' },
    }
    expect(otherCapabilities(tree)).toEqual([
      { path: 'batch.max_requests', supported: null, raw: 100_000 },
      { path: 'effort.ultra', supported: false },
      { path: 'thinking.types.dreaming', supported: null },
      { path: 'thinking.budget', supported: null, raw: 'large' },
      { path: 'audio_input', supported: true },
      { path: 'rate', supported: null, raw: 'sometimes' },
    ])
  })
})
