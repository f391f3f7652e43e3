import { collectDefaultMetrics } from 'prom-client'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { createTestApp } from '../../testing/test-app'

/** The series alert rules are written against: names, types and label names, exactly. */
const SERIES: Record<string, { type: string; labels: string[] }> = {
  model_catalogue_models: { type: 'gauge', labels: ['workspace', 'lifecycle'] },
  model_catalogue_model_info: { type: 'gauge', labels: ['workspace', 'id', 'display_name', 'line', 'lifecycle'] },
  model_catalogue_model_retires_at_seconds: { type: 'gauge', labels: ['workspace', 'id'] },
  model_catalogue_snapshot_age_seconds: { type: 'gauge', labels: ['workspace'] },
  model_catalogue_refresh_failures_total: { type: 'counter', labels: ['workspace', 'reason'] },
  model_catalogue_upstream_requests_total: { type: 'counter', labels: ['workspace', 'outcome'] },
  model_catalogue_upstream_request_duration_seconds: { type: 'histogram', labels: [] },
  http_request_duration_seconds: { type: 'histogram', labels: ['route', 'method', 'status'] },
  model_catalogue_history_store_duration_seconds: { type: 'histogram', labels: ['engine', 'operation', 'outcome'] },
  model_catalogue_history_store_errors_total: { type: 'counter', labels: ['engine', 'operation'] },
}

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/** Reads the Prometheus text exposition format: the TYPE of each family and every sample. */
function parseExposition(text: string) {
  const types = new Map<string, string>()
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type) {
      types.set(type[1]!, type[2]!)
      continue
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!sample) throw new Error(`Not a sample line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, name, value] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[name!] = value!.replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped))
    }
    samples.push({ name: sample[1]!, labels, value: Number(sample[3]) })
  }
  return { types, samples }
}

/** The family a sample belongs to: a histogram's _bucket, _sum and _count are its own. */
function familyOf(name: string, types: Map<string, string>): string {
  const base = name.replace(/_(bucket|sum|count)$/, '')
  return types.get(base) === 'histogram' ? base : name
}

function model(id: string, fields: Partial<Model> = {}): Model {
  return { id, type: 'model', display_name: id.toUpperCase(), created_at: '2026-01-01T00:00:00Z', ...fields }
}

const MODELS = [
  model('claude-a', { lifecycle: 'active', line: 'opus' }),
  model('claude-b', { lifecycle: 'deprecated', retires_at: '2026-02-01T00:00:00Z' }),
  model('claude-c', { lifecycle: 'retired', retires_at: '2025-06-01T00:00:00Z' }),
  // The seed's shape: no lifecycle (counts as active), no line.
  model('claude-d'),
]

/** An app whose default workspace reads MODELS and whose `broken` workspace has a key the upstream refuses. */
async function scrapedApp({ readHistory = false } = {}) {
  const test = createTestApp({
    upstream: { models: MODELS },
    config: {
      workspaces: [
        { name: 'broken', keyVariable: 'ANTHROPIC_API_KEY_BROKEN', apiKey: 'sk-ant-refused', workspaceId: null },
      ],
    },
  })
  expect((await test.app.request('/api/models')).status).toBe(200)
  expect((await test.app.request('/api/models/claude-nope')).status).toBe(404)
  expect((await test.app.request('/api/models?workspace=broken')).status).toBe(502)
  // A read of the history: the store's latency series has its first samples.
  if (readHistory) expect((await test.app.request('/api/changes')).status).toBe(200)
  test.clock.advance(30_000)
  const response = await test.app.request('/metrics')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return { ...test, ...parseExposition(await response.text()) }
}

describe('GET /metrics', () => {
  it('exposes exactly the documented series, each with exactly its label names', async () => {
    const { types, samples } = await scrapedApp({ readHistory: true })
    for (const [name, { type, labels }] of Object.entries(SERIES)) {
      expect(types.get(name), name).toBe(type)
      const ofFamily = samples.filter((sample) => familyOf(sample.name, types) === name)
      expect(ofFamily.length, name).toBeGreaterThan(0)
      for (const sample of ofFamily) {
        const names = Object.keys(sample.labels).filter((label) => !(type === 'histogram' && label === 'le'))
        expect(names.sort(), `${sample.name} ${JSON.stringify(sample.labels)}`).toEqual([...labels].sort())
      }
    }
    // Nothing else is exposed before the entry adds the process's defaults.
    expect([...types.keys()].sort()).toEqual(Object.keys(SERIES).sort())
  })

  it('gives the catalogue by workspace: counts by lifecycle, one info series a model, retirement dates, snapshot age', async () => {
    const { samples } = await scrapedApp()
    const valuesOf = (name: string) =>
      samples.filter((sample) => sample.name === name).map(({ labels, value }) => ({ ...labels, value }))
    expect(valuesOf('model_catalogue_models')).toEqual([
      { workspace: 'default', lifecycle: 'active', value: 2 },
      { workspace: 'default', lifecycle: 'deprecated', value: 1 },
      { workspace: 'default', lifecycle: 'retired', value: 1 },
    ])
    expect(valuesOf('model_catalogue_model_info')).toEqual([
      { workspace: 'default', id: 'claude-a', display_name: 'CLAUDE-A', line: 'opus', lifecycle: 'active', value: 1 },
      { workspace: 'default', id: 'claude-b', display_name: 'CLAUDE-B', line: '', lifecycle: 'deprecated', value: 1 },
      { workspace: 'default', id: 'claude-c', display_name: 'CLAUDE-C', line: '', lifecycle: 'retired', value: 1 },
      { workspace: 'default', id: 'claude-d', display_name: 'CLAUDE-D', line: '', lifecycle: 'active', value: 1 },
    ])
    expect(valuesOf('model_catalogue_model_retires_at_seconds')).toEqual([
      { workspace: 'default', id: 'claude-b', value: Date.parse('2026-02-01T00:00:00Z') / 1000 },
      { workspace: 'default', id: 'claude-c', value: Date.parse('2025-06-01T00:00:00Z') / 1000 },
    ])
    // The broken workspace has no snapshot, so no age: its failures say why.
    expect(valuesOf('model_catalogue_snapshot_age_seconds')).toEqual([{ workspace: 'default', value: 30 }])
  })

  it('counts upstream requests by outcome and failed refreshes by reason, per workspace', async () => {
    const { samples, logger } = await scrapedApp()
    const counted = (name: string) =>
      Object.fromEntries(
        samples
          .filter((sample) => sample.name === name)
          .map(({ labels, value }) => [Object.values(labels).join(' '), value]),
      )
    expect(counted('model_catalogue_upstream_requests_total')).toEqual({
      'default ok': 1,
      'default client_error': 1,
      'broken auth_error': 1,
    })
    expect(counted('model_catalogue_refresh_failures_total')).toEqual({ 'broken auth_error': 1 })
    // The log's warning about it names the workspace as a field too, for a log query.
    const warning = logger.records.find((record) => record.message.startsWith('Catalogue refresh failed'))
    expect(warning).toMatchObject({ level: 'warn', fields: { workspace: 'broken' } })
    expect(counted('model_catalogue_upstream_request_duration_seconds_count')).toEqual({ '': 3 })
  })

  it('labels HTTP durations with route templates, never raw paths or query strings', async () => {
    const { samples } = await scrapedApp()
    const routes = samples
      .filter((sample) => sample.name === 'http_request_duration_seconds_count')
      .map(({ labels }) => `${labels.method} ${labels.route} ${labels.status}`)
    expect(routes.sort()).toEqual(['GET /api/models 200', 'GET /api/models 502', 'GET /api/models/:id 404'])
  })

  it('starts the refresh of a stale snapshot, as a page view would', async () => {
    const { app, fake, clock, config } = await scrapedApp()
    const walks = fake.stats.listCalls
    clock.advance(config.ttlSeconds * 1000)
    await app.request('/metrics')
    await expect.poll(() => fake.stats.listCalls).toBeGreaterThan(walks)
  })

  it("keeps each app's series apart, beside the process's defaults the entry adds", async () => {
    const first = await scrapedApp()
    const second = createTestApp()
    collectDefaultMetrics({ register: second.app.metricsRegistry })
    const { types, samples } = parseExposition(await (await second.app.request('/metrics')).text())
    expect(types.get('process_cpu_seconds_total')).toBe('counter')
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge')
    expect(types.get('model_catalogue_upstream_requests_total')).toBe('counter')
    expect(samples.some((sample) => sample.labels.workspace === 'broken')).toBe(false)
    expect(first.samples.some((sample) => sample.name.startsWith('process_'))).toBe(false)
  })
})
