import { describe, expect, it } from 'vitest'
import { DEMO_MODELS } from './demo-catalogue'
import { demoHistory } from './demo-history'

const NOW = Date.UTC(2026, 10, 30, 12)
const stageIn = (walk: { models: readonly { id: string; lifecycle: string }[] }, id: string) =>
  walk.models.find((model) => model.id === id)?.lifecycle

describe('demoHistory', () => {
  const walks = demoHistory(DEMO_MODELS, NOW)

  it('walks oldest first, from the first release to the catalogue as it is now', () => {
    const times = walks.map((walk) => walk.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(walks[0]!.at).toBe(Date.parse('2023-07-11T00:00:00Z'))
    expect(walks[0]!.models.map((model) => model.id)).toEqual(['claude-2.0'])
    expect(walks.at(-1)!.models).toEqual(DEMO_MODELS)
  })

  it('records each retirement of the notes at its date, the model deprecated until then', () => {
    const at = (date: string) => walks.findIndex((walk) => walk.at === Date.parse(`${date}T00:00:00Z`))
    for (const [date, ids] of [
      ['2026-06-15', ['claude-sonnet-4-20250514', 'claude-opus-4-20250514']],
      ['2026-08-05', ['claude-opus-4-1-20250805']],
      ['2025-07-21', ['claude-2.1', 'claude-2.0']],
    ] as const) {
      const index = at(date)
      expect(index, date).toBeGreaterThan(0)
      for (const id of ids) {
        expect(stageIn(walks[index - 1]!, id), `${id} before ${date}`).toBe('deprecated')
        expect(stageIn(walks[index]!, id), `${id} on ${date}`).toBe('retired')
      }
    }
  })

  it('leaves out what has not happened by then: a model released later is not listed', () => {
    const early = demoHistory(DEMO_MODELS, Date.UTC(2026, 0, 1))
    expect(early.at(-1)!.models.some((model) => model.id === 'claude-opus-4-6')).toBe(false)
    expect(stageIn(early.at(-1)!, 'claude-sonnet-4-5-20250929')).toBe('active')
  })
})
