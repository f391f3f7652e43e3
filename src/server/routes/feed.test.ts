// @vitest-environment jsdom
// jsdom for its DOMParser, a strict XML parser: the feed is read the way a feed reader would.
import { describe, expect, it } from 'vitest'
import type { Model } from '../../contract/model'
import { NO_AUTH } from '../auth/auth-config'
import { createTestApp } from '../../testing/test-app'

const ATOM = 'http://www.w3.org/2005/Atom'
const DAY = 24 * 3_600_000
const HOSTILE = `Claude <script>alert("x")</script> & 'friends' ]]> \u0001\uFFFF`

function model(id: string, displayName: string, lifecycle: Model['lifecycle'] = 'active'): Model {
  return { id, type: 'model', display_name: displayName, created_at: '2026-01-01T00:00:00Z', lifecycle }
}

/**
 * The Anthropic SDK refuses to be built where `window` exists (a guard against
 * keys in browsers); here jsdom only lends its parser, so the app is built with `window` hidden.
 */
function createServerSideTestApp(...args: Parameters<typeof createTestApp>) {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'window')
  Object.defineProperty(globalThis, 'window', { value: undefined, configurable: true, writable: true })
  try {
    return createTestApp(...args)
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'window', descriptor)
  }
}

/** A feed after a baseline of one model and a walk that adds one (with `name`) and removes none. */
async function feedAfterChanges(name = 'Claude Haiku 9', path = '/feed.xml', publicUrl: string | null = null) {
  const test = createServerSideTestApp({
    upstream: { models: [model('claude-opus-9', 'Claude Opus 9')] },
    pacing: { forcedRefreshIntervalMs: 0 },
    // The server answers for dashboard.test as if it were its ALLOWED_HOSTS entry.
    config: { auth: { ...NO_AUTH, publicUrl, allowedHosts: ['localhost', 'dashboard.test', 'proxy.internal'] } },
  })
  await test.listPage()
  test.clock.advance(DAY)
  test.fake.setModels([model('claude-haiku-9', name), model('claude-opus-9', 'Claude Opus 9', 'deprecated')])
  await test.listPage({ refresh: '1' })
  const response = await test.app.request(`http://${publicUrl ? 'proxy.internal:8787' : 'dashboard.test'}${path}`)
  return { ...test, response, xml: await response.text() }
}

function parseAtom(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml')
  expect(document.getElementsByTagName('parsererror'), xml).toHaveLength(0)
  return document
}

/** The text of the one child element `name` (Atom namespace) of `parent`, which must exist once. */
function only(parent: Element, name: string): string {
  const found = [...parent.children].filter((child) => child.namespaceURI === ATOM && child.localName === name)
  expect(found, `<${name}> in <${parent.localName}>`).toHaveLength(1)
  return found[0]!.textContent ?? ''
}

const isRfc3339 = (text: string) =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text) && !Number.isNaN(Date.parse(text))

describe('GET /feed.xml', () => {
  it('is well-formed Atom 1.0 with the required feed and entry elements', async () => {
    const { response, xml, clock } = await feedAfterChanges()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/)

    const feed = parseAtom(xml).documentElement
    expect(feed.namespaceURI).toBe(ATOM)
    expect(feed.localName).toBe('feed')
    expect(only(feed, 'id')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(only(feed, 'title')).toBe('Model catalogue changes: workspace default')
    expect(only(feed, 'updated')).toBe(new Date(clock.now()).toISOString())
    expect(only(feed, 'author')).toContain('Model catalogue dashboard')
    const links = [...feed.children].filter((child) => child.localName === 'link')
    expect(links.map((link) => [link.getAttribute('rel'), link.getAttribute('href')])).toEqual([
      ['self', 'http://dashboard.test/feed.xml'],
      ['alternate', 'http://dashboard.test/'],
    ])

    const entries = [...feed.children].filter((child) => child.localName === 'entry')
    expect(entries.map((entry) => only(entry, 'title'))).toEqual([
      'Added: Claude Haiku 9 (claude-haiku-9)',
      'active → deprecated: Claude Opus 9 (claude-opus-9)',
    ])
    for (const entry of entries) {
      expect(only(entry, 'id')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
      expect(isRfc3339(only(entry, 'updated'))).toBe(true)
      expect(only(entry, 'content')).toContain('in the catalogue of workspace default at')
    }
    const ids = entries.map((entry) => only(entry, 'id'))
    expect(new Set([...ids, only(feed, 'id')]).size).toBe(ids.length + 1)
  })

  it('builds its links from PUBLIC_URL when set, not from the Host the request came in by', async () => {
    const { xml } = await feedAfterChanges(
      'Claude Haiku 9',
      '/feed.xml?limit=5',
      'https://catalogue.example.com/models',
    )
    const links = Array.from(parseAtom(xml).documentElement.children)
      .filter((element) => element.localName === 'link')
      .map((link) => [link.getAttribute('rel'), link.getAttribute('href')])
    expect(links).toEqual([
      ['self', 'https://catalogue.example.com/models/feed.xml?limit=5'],
      ['alternate', 'https://catalogue.example.com/models/'],
    ])
    expect(xml).not.toContain('proxy.internal')
  })

  it('keeps its ids from one request to the next, so readers do not see entries twice', async () => {
    const { app, xml } = await feedAfterChanges()
    const again = await (await app.request('http://dashboard.test/feed.xml')).text()
    expect(again).toBe(xml)
  })

  it('escapes hostile display names: the name comes back as text, and no element is injected', async () => {
    const { xml } = await feedAfterChanges(HOSTILE)
    const document = parseAtom(xml)
    expect(document.getElementsByTagName('script')).toHaveLength(0)
    const [entry] = [...document.documentElement.children].filter((child) => child.localName === 'entry')
    // Characters XML cannot carry at all are replaced; everything else arrives as written.
    const shown = HOSTILE.replace('\u0001', '\uFFFD').replace('\uFFFF', '\uFFFD')
    expect(only(entry!, 'title')).toBe(`Added: ${shown} (claude-haiku-9)`)
    expect(xml).not.toContain('<script>')
  })

  it('takes the parameters of /api/changes, and refuses bad ones the same way', async () => {
    const entriesOf = (xml: string) => parseAtom(xml).getElementsByTagNameNS(ATOM, 'entry')
    expect(entriesOf((await feedAfterChanges('Claude Haiku 9', '/feed.xml?limit=1')).xml)).toHaveLength(1)
    expect(entriesOf((await feedAfterChanges('Claude Haiku 9', '/feed.xml?since=2100-01-01')).xml)).toHaveLength(0)
    const { response, xml } = await feedAfterChanges('Claude Haiku 9', '/feed.xml?limit=0')
    expect(response.status).toBe(400)
    expect(JSON.parse(xml)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'limit must be a whole number from 1 to 1000' },
      request_id: response.headers.get('request-id'),
    })
  })

  it('is a valid feed without entries before anything changed', async () => {
    const test = createServerSideTestApp()
    await test.listPage()
    const feed = parseAtom(await (await test.app.request('/feed.xml')).text()).documentElement
    expect(feed.getElementsByTagNameNS(ATOM, 'entry')).toHaveLength(0)
    expect(only(feed, 'updated')).toBe(new Date(test.clock.now()).toISOString())
  })
})
