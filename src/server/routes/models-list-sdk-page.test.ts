import Anthropic from '@anthropic-ai/sdk'
import { Page } from '@anthropic-ai/sdk/pagination'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { syntheticCatalogue } from '../../fake-upstream/synthetic-catalogue'
import { createTestApp } from '../../testing/test-app'

const CATALOGUE = syntheticCatalogue(150)

/** The pinned SDK's own client, its requests answered by the BFF in-process (no network). */
function sdkOverBff() {
  const test = createTestApp({ upstream: { models: CATALOGUE } })
  const client = new Anthropic({
    apiKey: 'not-used-by-the-bff',
    // A loopback name: the Host check answers any other with 421.
    baseURL: 'http://127.0.0.1',
    maxRetries: 0,
    fetch: (input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(test.app.request(input instanceof Request ? input : String(input), init)),
  })
  /** An SDK Page of `/api/models`, as `client.models.list` is one of `/v1/models`. */
  const list = (query: Record<string, unknown>) => client.getAPIList<Model, Page<Model>>('/api/models', Page, { query })
  return { ...test, list }
}

const VIEWS: Record<string, Record<string, unknown>> = {
  'the default view': {},
  'every stage, as lifecycle[]': { lifecycle: ['active', 'deprecated', 'retired'] },
  'a search and a sort': { q: 'opus', sort: '-created_at' },
  'a line, as line[]': { line: ['opus', 'none'] },
  'capabilities, as caps[]': { caps: ['thinking.types.adaptive', 'pdf_input'], sort: 'line' },
  'a context window': { min_context: 500_000, sort: '-max_input_tokens' },
  'retiring within': { retiring_within: 400, sort: 'retires_at' },
}

describe.each(Object.entries(VIEWS))("the SDK's Page over /api/models: %s", (_, query) => {
  it('pages forwards with after_id and backwards with before_id through the whole view', async () => {
    const { list, listPage } = sdkOverBff()
    const search = new URLSearchParams({ limit: '1000' })
    for (const [key, value] of Object.entries(query))
      search.set(key, Array.isArray(value) ? value.join(',') : String(value))
    const whole = (await listPage(search.toString())).data.map((model) => model.id)
    expect(whole.length).toBeGreaterThan(7)

    const forward: string[] = []
    let pages = 0
    for await (const page of (await list({ ...query, limit: 7 })).iterPages()) {
      pages += 1
      forward.push(...page.data.map((model) => model.id))
    }
    expect(forward).toEqual(whole)
    expect(pages).toBe(Math.ceil(whole.length / 7))

    // A walk that began with before_id keeps going backwards: each page holds the models before the last.
    const backward: string[][] = []
    for await (const page of (await list({ ...query, limit: 7, before_id: whole.at(-1) })).iterPages()) {
      backward.unshift(page.data.map((model) => model.id))
    }
    expect(backward.flat()).toEqual(whole.slice(0, -1))
  })
})

describe("the SDK's Page over /api/models: errors", () => {
  it('gets a typed 400 for a bad filter', async () => {
    const { list } = sdkOverBff()
    await expect(list({ caps: ['thinking.types'] })).rejects.toMatchObject({ status: 400 })
  })
})
