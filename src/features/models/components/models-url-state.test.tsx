import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { bffJson, TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, nextPageButton, renderApp, rowIds, urlParams } from '../../../testing/render-app'

describe('the URL is the state', () => {
  test('a copied URL opened in a new browser shows the same rows, sort, filter, page size and dialog', async () => {
    const first = renderApp()
    const { user } = first
    await findRange('1–20 of 137')
    await user.type(screen.getByRole('searchbox', { name: 'Filter models' }), 'synthetic')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '10')
    await user.click(within(screen.getByRole('columnheader', { name: 'Released' })).getByRole('button'))
    await user.click(within(screen.getByRole('columnheader', { name: 'Released' })).getByRole('button'))
    const expected = await bffJson<ModelPage>('/api/models?q=synthetic&sort=-created_at&limit=10')
    await findRange(`1–10 of ${expected.total}`)
    await user.click(nextPageButton())
    await findRange(`11–20 of ${expected.total}`)
    const rows = rowIds()
    const opened = rows[3]!
    await user.click(within(screen.getByRole('table')).getAllByRole('button', { name: /Synthetic/ })[3]!)
    await screen.findByRole('dialog')
    await user.click(screen.getByRole('button', { name: `Copy link to ${opened}` }))
    const copied = await window.navigator.clipboard.readText()
    first.unmount()

    const link = new URL(copied)
    expect(Object.fromEntries(link.searchParams)).toEqual({
      q: 'synthetic',
      sort: '-created_at',
      limit: '10',
      after_id: expected.last_id,
      model: opened,
    })
    renderApp(`${link.pathname}${link.search}`)
    await findRange(`11–20 of ${expected.total}`)
    expect(rowIds()).toEqual(rows)
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Filter models', hidden: true })).toHaveValue('synthetic')
    expect(screen.getByRole('columnheader', { name: 'Released', hidden: true })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    expect(screen.getByRole('combobox', { name: 'Rows per page', hidden: true })).toHaveValue('10')
  })

  test('a page opened after another starts from its own URL, not from what the last one had still to write', async () => {
    const first = renderApp()
    await findRange('1–20 of 137')
    // The filter goes into this page's URL; the next page is opened at its own.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter models' }), { target: { value: 'zzz' } })
    first.unmount()

    renderApp('/')
    expect(screen.getByRole('searchbox', { name: 'Filter models' })).toHaveValue('')
    await findRange('1–20 of 137')
    expect(urlParams().has('q')).toBe(false)
  })

  test('default values stay out of the URL', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50')
    await waitFor(() => expect(urlParams().get('limit')).toBe('50'))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '20')
    await waitFor(() => expect(window.location.search).toBe(''))
    await user.type(screen.getByRole('searchbox', { name: 'Filter models' }), 'x')
    await waitFor(() => expect(urlParams().get('q')).toBe('x'))
    await user.clear(screen.getByRole('searchbox', { name: 'Filter models' }))
    await waitFor(() => expect(window.location.search).toBe(''))
  })

  test('values the server would refuse read as defaults instead of breaking the page', async () => {
    renderApp('/?limit=7&sort=price&after_id=%3Cscript%3E')
    await findRange('1–20 of 137')
    expect(rowIds()).toEqual(TEST_CATALOGUE.slice(0, 20).map((model) => model.id))
  })

  test('the range is right on a page opened from a link to the last page', async () => {
    renderApp(`/?after_id=${TEST_CATALOGUE[119]!.id}`)
    await findRange('121–137 of 137')
    expect(nextPageButton()).toBeDisabled()
  })
})
