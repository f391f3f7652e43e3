import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { Model, ModelPage } from '../../../contract/model'
import { bffJson } from '../../../testing/bff-server'
import { findRange, nextPageButton, renderApp } from '../../../testing/render-app'

const exportGroup = () => within(screen.getByRole('group', { name: 'Export this view' }))
const link = (name: string) => exportGroup().getByRole('link', { name })
const hrefOf = (name: string) => new URL(link(name).getAttribute('href')!, window.location.origin)

describe('export links', () => {
  test('Export CSV and Export JSON are plain download links to the export of the whole catalogue', async () => {
    renderApp()
    await findRange('1–20 of 137')
    for (const [name, format] of [
      ['Export CSV', 'csv'],
      ['Export JSON', 'json'],
    ] as const) {
      expect(link(name)).toHaveAttribute('download')
      const href = hrefOf(name)
      expect(href.pathname).toBe('/api/models/export')
      expect([...href.searchParams]).toEqual([['format', format]])
    }
  })

  test('they follow the filter and sort, never the page size or the page, and give the whole view', async () => {
    const listed = await bffJson<ModelPage>('/api/models?q=sonnet&sort=-created_at&limit=1000')
    const { user } = renderApp('/?q=sonnet&sort=-created_at&limit=10')
    await findRange(`1–10 of ${listed.total}`)
    await user.click(nextPageButton())
    await findRange(`11–20 of ${listed.total}`)
    const href = hrefOf('Export JSON')
    expect(Object.fromEntries(href.searchParams)).toEqual({ q: 'sonnet', sort: '-created_at', format: 'json' })

    const exported = await bffJson<Model[]>(`${href.pathname}${href.search}`)
    expect(exported.map((model) => model.id)).toEqual(listed.data.map((model) => model.id))
    expect(exported.length).toBeGreaterThan(10)
  })

  test('a new filter changes the links once it reaches the list', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.type(screen.getByRole('searchbox', { name: 'Filter models' }), 'opus')
    await waitFor(() => expect(hrefOf('Export CSV').searchParams.get('q')).toBe('opus'))
  })
})
