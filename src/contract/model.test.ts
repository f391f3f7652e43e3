import { describe, expect, it } from 'vitest'
import { DEMO_MODELS } from '../fake-upstream/demo-catalogue'
import { modelSchema } from './model'

describe('modelSchema', () => {
  it('carries every key of an API 2026-10-21 record through, line and the whole capability tree included', () => {
    for (const model of DEMO_MODELS) expect(modelSchema.parse(model)).toEqual(model)
  })

  it('keeps keys it does not know, at the top and inside the capability tree', () => {
    const model = {
      ...DEMO_MODELS[0]!,
      line: 'lyric',
      future_field: { x: 1 },
      capabilities: { ...DEMO_MODELS[0]!.capabilities, audio_input: { supported: true } },
    }
    expect(modelSchema.parse(model)).toEqual(model)
  })

  it('takes a seed-era record (four fields) and a null capability tree', () => {
    const seed = { id: 'a', type: 'model', display_name: 'A', created_at: '2025-01-01T00:00:00Z' }
    expect(modelSchema.parse(seed)).toEqual(seed)
    expect(modelSchema.parse({ ...seed, line: null, capabilities: null })).toMatchObject({ capabilities: null })
  })
})
