import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { bffJson, TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, nextPageButton, renderApp, rowIds, urlParams } from '../../../testing/render-app'

const header = (name: string) =>
  within(screen.getByRole('table', { name: 'Models' })).getByRole('columnheader', { name })
const sortButton = (name: string) => within(header(name)).getByRole('button', { name })

async function serverOrder(search: string): Promise<string[]> {
  const page = await bffJson<ModelPage>(`/api/models?${search}`)
  return page.data.map((model) => model.id)
}

describe('sorting', () => {
  test('every column header is a button with aria-sort, starting unsorted in the API order', async () => {
    renderApp()
    await findRange('1–20 of 137')
    const headers = within(screen.getByRole('table', { name: 'Models' })).getAllByRole('columnheader')
    expect(headers.map((cell) => cell.textContent)).toEqual(['ID', 'Display name', 'Line', 'Released'])
    for (const cell of headers) {
      expect(cell.tagName).toBe('TH')
      expect(cell).toHaveAttribute('aria-sort', 'none')
      expect(within(cell).getByRole('button')).toBeInTheDocument()
    }
  })

  test('clicks cycle ascending, descending, then back to the API order, sorted by the server', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')

    await user.click(sortButton('Released'))
    expect(header('Released')).toHaveAttribute('aria-sort', 'ascending')
    await waitFor(() => expect(urlParams().get('sort')).toBe('created_at'))
    const ascending = await serverOrder('sort=created_at')
    await waitFor(() => expect(rowIds()).toEqual(ascending))

    await user.click(sortButton('Released'))
    expect(header('Released')).toHaveAttribute('aria-sort', 'descending')
    await waitFor(() => expect(urlParams().get('sort')).toBe('-created_at'))
    const descending = await serverOrder('sort=-created_at')
    await waitFor(() => expect(rowIds()).toEqual(descending))

    await user.click(sortButton('Released'))
    expect(header('Released')).toHaveAttribute('aria-sort', 'none')
    await waitFor(() => expect(urlParams().has('sort')).toBe(false))
    // The API order's first page is still in the cache: it follows the click in a render of its own.
    await waitFor(() => expect(rowIds()).toEqual(TEST_CATALOGUE.slice(0, 20).map((model) => model.id)))
  })

  test('sorting another column replaces the sort; the others go back to none', async () => {
    const { user } = renderApp('/?sort=-created_at')
    await findRange('1–20 of 137')
    expect(header('Released')).toHaveAttribute('aria-sort', 'descending')
    await user.click(sortButton('Display name'))
    expect(header('Display name')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('Released')).toHaveAttribute('aria-sort', 'none')
    await waitFor(() => expect(urlParams().get('sort')).toBe('display_name'))
    const expected = await serverOrder('sort=display_name')
    await screen.findByText((_, element) => element?.tagName === 'TD' && element.textContent === expected[0])
    expect(rowIds()).toEqual(expected)
  })

  test('changing the sort on a later page returns to the first page of the new order', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await user.click(sortButton('ID'))
    await findRange('1–20 of 137')
    await waitFor(() => expect(urlParams().has('after_id')).toBe(false))
    expect(rowIds()).toEqual(await serverOrder('sort=id'))
  })
})
