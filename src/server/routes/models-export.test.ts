import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { DEMO_MODELS } from '../../fake-upstream/demo-catalogue'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp, readError } from '../../testing/test-app'
import { parseCsv } from '../../testing/csv'

function model(id: string, displayName: string, createdAt = '2025-06-01T00:00:00Z'): Model {
  return { id, type: 'model', display_name: displayName, created_at: createdAt }
}

/** Names a spreadsheet or a naive CSV reader would get wrong. */
const HOSTILE: Model[] = [
  model('quote-1', 'Say "cheese"'),
  model('comma-1', 'Opus, the big one'),
  model('newline-1', 'Two\nlines\r\nhere'),
  model('formula-eq', "=cmd|' /C calc'!A0"),
  model('formula-plus', '+1+1'),
  model('formula-minus', '-2+3'),
  model('formula-at', '@SUM(A1:A9)'),
  model('plain-1', 'Claude Plain'),
]

async function exportOf(search: string, models: readonly Model[] = HOSTILE) {
  const { app } = createTestApp({ upstream: { models } })
  const response = await app.request(`/api/models/export?${search}`)
  expect(response.status).toBe(200)
  return { response, text: await response.text() }
}

describe('GET /api/models/export: CSV', () => {
  it('writes RFC 4180 with a header row, and hostile names come back unchanged or as text', async () => {
    const { response, text } = await exportOf('format=csv')
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    const rows = parseCsv(text)
    expect(rows[0]).toEqual(['id', 'display_name', 'created_at', 'type'])
    const names = new Map(rows.slice(1).map((row) => [row[0], row[1]]))
    expect(names.get('quote-1')).toBe('Say "cheese"')
    expect(names.get('comma-1')).toBe('Opus, the big one')
    expect(names.get('newline-1')).toBe('Two\nlines\r\nhere')
    expect(names.get('plain-1')).toBe('Claude Plain')
    expect(names.get('formula-eq')).toBe("'=cmd|' /C calc'!A0")
    expect(names.get('formula-plus')).toBe("'+1+1")
    expect(names.get('formula-minus')).toBe("'-2+3")
    expect(names.get('formula-at')).toBe("'@SUM(A1:A9)")
    expect(rows.slice(1).every((row) => row.length === 4)).toBe(true)
    // No cell of the file starts a formula.
    expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false)
  })

  it('adds the optional fields when the models have them', async () => {
    const { text } = await exportOf('format=csv&q=opus 4.6', syntheticCatalogue(20))
    const rows = parseCsv(text)
    expect(rows[0]!.slice(0, 5)).toEqual(['id', 'display_name', 'created_at', 'type', 'lifecycle'])
    expect(rows[1]![0]).toBe('claude-opus-4-6')
  })

  it('exports the whole filtered, sorted view, not a page, for more than 1000 models', async () => {
    const models = syntheticCatalogue(2500)
    const { app, listPage } = createTestApp({ upstream: { models } })
    const response = await app.request('/api/models/export?format=csv&q=sonnet&sort=-display_name')
    const rows = parseCsv(await response.text()).slice(1)
    const expected: string[] = []
    for (let page = await listPage({ q: 'sonnet', sort: '-display_name', limit: '1000' }); ;) {
      expected.push(...page.data.map((entry) => entry.id))
      if (!page.has_more || !page.last_id) break
      page = await listPage({ q: 'sonnet', sort: '-display_name', limit: '1000', after_id: page.last_id })
    }
    expect(expected.length).toBeGreaterThan(400)
    expect(rows.map((row) => row[0])).toEqual(expected)
    expect(response.headers.get('x-total-count')).toBe(String(expected.length))
  })

  it('exports all 2500 models of the unfiltered catalogue in its order', async () => {
    const models = syntheticCatalogue(2500)
    const { text } = await exportOf('format=csv', models)
    expect(
      parseCsv(text)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(models.map((entry) => entry.id))
  })
})

describe('GET /api/models/export: fields newer than the dashboard', () => {
  const [first, ...rest] = DEMO_MODELS
  const newer = {
    ...first!,
    speed_tier: 'priority',
    pricing: { input_per_mtok: 5 },
    capabilities: { ...first!.capabilities!, audio_input: { supported: true } },
  }

  it('are in the JSON, the whole record as the upstream sent it', async () => {
    const { text } = await exportOf('format=json&lifecycle=active,deprecated,retired', [newer, ...rest])
    const exported = JSON.parse(text) as Model[]
    expect(exported.find((model) => model.id === newer.id)).toEqual(newer)
  })

  it('are CSV columns after the known ones, objects as JSON text, empty for models without them', async () => {
    const { text } = await exportOf('format=csv&lifecycle=active,deprecated,retired', [newer, ...rest])
    const [header, ...rows] = parseCsv(text)
    expect(header!.slice(-2)).toEqual(['speed_tier', 'pricing'])
    expect(header).toContain('capabilities')
    const row = rows.find((cells) => cells[0] === newer.id)!
    const cell = (column: string) => row[header!.indexOf(column)]
    expect(cell('speed_tier')).toBe('priority')
    expect(JSON.parse(cell('pricing')!)).toEqual({ input_per_mtok: 5 })
    expect(JSON.parse(cell('capabilities')!)).toMatchObject({ audio_input: { supported: true } })
    expect(rows.find((cells) => cells[0] === rest[0]!.id)![header!.indexOf('speed_tier')]).toBe('')
  })
})

describe('GET /api/models/export: JSON', () => {
  it('is the array of models of the view as the upstream gave them', async () => {
    const models = syntheticCatalogue(1500)
    const { app, listPage } = createTestApp({ upstream: { models } })
    const response = await app.request('/api/models/export?format=json&sort=created_at')
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const exported = (await response.json()) as Model[]
    const first = await listPage({ sort: 'created_at', limit: '1000' })
    const second = await listPage({ sort: 'created_at', limit: '1000', after_id: first.last_id! })
    expect(exported).toEqual([...first.data, ...second.data])
    expect(exported).toHaveLength(1500)
  })

  it('takes the lifecycle filter as the list does: retired models only when asked for, after the others', async () => {
    const { app, listPage } = createTestApp()
    for (const lifecycle of ['retired', 'active,deprecated,retired', 'deprecated']) {
      const response = await app.request(`/api/models/export?format=json&lifecycle=${lifecycle}`)
      const exported = (await response.json()) as Model[]
      expect(exported).toEqual((await listPage({ lifecycle, limit: '1000' })).data)
      expect(response.headers.get('content-disposition')).toContain(`-${lifecycle.replaceAll(',', '-')}-`)
    }
    const everything = (await (
      await app.request('/api/models/export?format=json&lifecycle=active,deprecated,retired')
    ).json()) as Model[]
    const firstRetired = everything.findIndex((model) => model.lifecycle === 'retired')
    expect(firstRetired).toBeGreaterThan(0)
    expect(everything.slice(firstRetired).every((model) => model.lifecycle === 'retired')).toBe(true)
    const byDefault = (await (await app.request('/api/models/export?format=json')).json()) as Model[]
    expect(byDefault.some((model) => model.lifecycle === 'retired')).toBe(false)
  })

  it('keeps hostile names exactly (JSON needs no formula escape)', async () => {
    const { text } = await exportOf('format=json')
    expect(JSON.parse(text)).toEqual(HOSTILE)
  })
})

describe('GET /api/models/export: headers', () => {
  it.each([
    ['format=csv', 'models-all-2026-01-15.csv'],
    ['format=json&q=Opus%204&sort=-created_at', 'models-opus-4-by-created_at-desc-2026-01-15.json'],
    ['format=csv&q=%22%3B%20evil%0D%0Aname', 'models-evil-name-2026-01-15.csv'],
  ])('%s downloads as %s', async (search, filename) => {
    const { response } = await exportOf(search)
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it('is matched before /api/models/:id, so it never asks the upstream for a model called "export"', async () => {
    const { app, fake } = createTestApp({ upstream: { models: HOSTILE } })
    await app.request('/api/models/export?format=json')
    expect(fake.stats.retrieveCalls).toBe(0)
    expect((await app.request('/api/models/export?format=json', { method: 'POST' })).status).toBe(405)
  })
})

describe('GET /api/models/export: bad parameters', () => {
  it.each([
    ['', 'format'],
    ['format=xml', 'format'],
    ['format=csv&format=json', 'format'],
    ['format=CSV', 'format'],
    ['format=csv&limit=10', 'limit'],
    ['format=csv&after_id=plain-1', 'after_id'],
    ['format=json&before_id=plain-1', 'before_id'],
    ['format=csv&sort=price', 'sort'],
    ['format=csv&q=a&q=b', 'q'],
    [`format=csv&q=${'x'.repeat(201)}`, 'q'],
  ])('refuses %s with a 400 naming %s, before asking the upstream', async (search, name) => {
    const { app, fake } = createTestApp({ upstream: { models: HOSTILE } })
    const response = await app.request(`/api/models/export?${search}`)
    expect(response.status).toBe(400)
    const body = await readError(response)
    expect(body.error.type).toBe('invalid_request_error')
    expect(body.error.message).toContain(name)
    expect(fake.stats.requests).toEqual([])
  })

  it('passes an upstream failure on as the list does', async () => {
    const { app, fake } = createTestApp({ upstream: { models: HOSTILE } })
    fake.setFault({ kind: 'status', status: 401 })
    const response = await app.request('/api/models/export?format=csv')
    expect(response.status).toBe(502)
    expect((await readError(response)).error.type).toBe('authentication_error')
  })
})
