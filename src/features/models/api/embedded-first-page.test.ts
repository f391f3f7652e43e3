import { afterEach, describe, expect, it, vi } from 'vitest'
import { FIRST_PAGE_ELEMENT_ID } from '../../../contract/first-page'

const PAGE = {
  data: [{ id: 'claude-opus-4-6', type: 'model', display_name: 'Claude Opus 4.6', created_at: '2026-02-04T00:00:00Z' }],
  first_id: 'claude-opus-4-6',
  last_id: 'claude-opus-4-6',
  has_more: true,
  total: 6,
  offset: 0,
  fetched_at: '2026-11-25T13:41:37.685Z',
  stale: false,
  refresh_error: null,
}

/** A fresh copy of the module (it reads the HTML once), over a document carrying `text` as the embedded page. */
async function withEmbedded(text: string) {
  document.body.innerHTML = `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}"></script>`
  document.getElementById(FIRST_PAGE_ELEMENT_ID)!.textContent = text
  vi.resetModules()
  return import('./embedded-first-page')
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('takeEmbeddedFirstPage', () => {
  it('gives the embedded page as the first loaded page of exactly the request it answers, once', async () => {
    const { takeEmbeddedFirstPage } = await withEmbedded(JSON.stringify({ search: 'q=opus', page: PAGE }))
    expect(takeEmbeddedFirstPage(new URLSearchParams('q=sonnet'), {})).toBeUndefined()
    expect(takeEmbeddedFirstPage(new URLSearchParams('q=opus'), {})).toEqual({ pages: [PAGE], pageParams: [{}] })
    expect(takeEmbeddedFirstPage(new URLSearchParams('q=opus'), {})).toBeUndefined()
  })

  it.each([
    ['not JSON', '{'],
    ['not a page', JSON.stringify({ search: '', page: { data: 'nope' } })],
  ])('ignores an embedded text that is %s', async (_, text) => {
    const { takeEmbeddedFirstPage } = await withEmbedded(text)
    expect(takeEmbeddedFirstPage(new URLSearchParams(''), {})).toBeUndefined()
  })
})
