import { describe, expect, it } from 'vitest'
import { isReleaseDateUnknown } from '../contract/model-values'
import { DEMO_MODELS } from './demo-catalogue'
import { syntheticCatalogue } from './synthetic-catalogue'
import { workspaceVariant } from './workspace-variant'

// The keys API 2026-10-21 sends on every model, null where there is no value.
const ELEVEN_KEYS = [
  'capabilities',
  'created_at',
  'deprecated_at',
  'display_name',
  'id',
  'lifecycle',
  'line',
  'max_input_tokens',
  'max_tokens',
  'retires_at',
  'type',
]
const CAPABILITY_KEYS = [
  'batch',
  'citations',
  'code_execution',
  'context_management',
  'effort',
  'image_input',
  'pdf_input',
  'server_tools',
  'structured_outputs',
  'thinking',
]

const catalogues = {
  demo: DEMO_MODELS,
  synthetic: syntheticCatalogue(400),
  'a workspace variant': workspaceVariant(DEMO_MODELS, 'staging'),
}

describe.each(Object.entries(catalogues))('the %s catalogue, to the letter of API 2026-10-21', (_, models) => {
  it('has all eleven keys on every model, and the whole capability tree where there is one', () => {
    for (const model of models) {
      expect(Object.keys(model).sort(), model.id).toEqual(ELEVEN_KEYS)
      if (model.capabilities === null) continue
      expect(Object.keys(model.capabilities).sort(), model.id).toEqual(CAPABILITY_KEYS)
      expect(Object.keys(model.capabilities.thinking.types).sort()).toEqual([
        'adaptive',
        'between_tools',
        'disabled',
        'enabled',
      ])
      expect(Object.keys(model.capabilities.effort).sort()).toEqual([
        'high',
        'low',
        'max',
        'medium',
        'supported',
        'xhigh',
      ])
    }
  })

  it('sets deprecated_at for deprecated and retired models, and leaves it null while a model is active', () => {
    for (const model of models) {
      if (model.lifecycle === 'active') {
        expect(model.deprecated_at, model.id).toBeNull()
        expect(model.retires_at, model.id).toBeNull()
      } else {
        expect(Date.parse(model.deprecated_at ?? ''), model.id).not.toBeNaN()
        expect(Date.parse(model.retires_at ?? ''), model.id).toBeGreaterThan(Date.parse(model.deprecated_at ?? ''))
      }
    }
  })
})

describe('the demo catalogue', () => {
  it('has a release date, a line where the model has one, and limits on every model', () => {
    for (const model of DEMO_MODELS) {
      expect(isReleaseDateUnknown(model.created_at), model.id).toBe(false)
      expect(model.max_input_tokens, model.id).toBeGreaterThan(0)
      expect(model.capabilities, model.id).not.toBeNull()
    }
    expect(DEMO_MODELS.filter((model) => model.line === null).map((model) => model.id)).toEqual([
      'claude-2.1',
      'claude-2.0',
    ])
  })

  it('holds the current, deprecated and retired line-up of the notes, newest first', () => {
    const stageOf = (id: string) => DEMO_MODELS.find((model) => model.id === id)?.lifecycle
    expect(stageOf('claude-opus-5-5')).toBe('active')
    expect(stageOf('claude-sonnet-4-5-20250929')).toBe('deprecated')
    expect(stageOf('claude-opus-4-5-20251101')).toBe('deprecated')
    for (const id of [
      'claude-3-opus-20240229',
      'claude-3-7-sonnet-20250219',
      'claude-2.0',
      'claude-opus-4-1-20250805',
    ]) {
      expect(stageOf(id), id).toBe('retired')
    }
    const created = DEMO_MODELS.map((model) => Date.parse(model.created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))
  })
})
