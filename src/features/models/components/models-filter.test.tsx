import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { bffJson, bffRequests } from '../../../testing/bff-server'
import { findRange, listRequests, nextPageButton, renderApp, rowIds, urlParams } from '../../../testing/render-app'

const filterBox = () => screen.getByRole('searchbox', { name: 'Filter models' })
const filterRequests = () => listRequests(bffRequests).filter((search) => search.has('q'))

describe('filtering', () => {
  test('fast typing is debounced into one request for the whole text, and no keystroke is lost', async () => {
    renderApp()
    await findRange('1–20 of 137')
    // One keystroke after another within the same moment: however slow the machine, no pause of 250 ms between them.
    const text = 'sonnet 2'
    for (let length = 1; length <= text.length; length += 1) {
      fireEvent.change(filterBox(), { target: { value: text.slice(0, length) } })
    }
    expect(filterBox()).toHaveValue('sonnet 2')
    const expected = await bffJson<ModelPage>('/api/models?q=sonnet+2')
    await findRange(`1–${expected.data.length} of ${expected.total}`)
    expect(rowIds()).toEqual(expected.data.map((model) => model.id))
    expect(filterRequests().map((search) => search.get('q'))).toEqual(['sonnet 2'])
    await waitFor(() => expect(urlParams().get('q')).toBe('sonnet 2'))
  })

  test('typing at a person’s pace keeps every keystroke and ends on the whole text', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.type(filterBox(), 'haiku 1')
    expect(filterBox()).toHaveValue('haiku 1')
    const expected = await bffJson<ModelPage>('/api/models?q=haiku+1')
    await findRange(`1–${expected.data.length} of ${expected.total}`)
    expect(rowIds()).toEqual(expected.data.map((model) => model.id))
    expect(filterRequests().at(-1)?.get('q')).toBe('haiku 1')
  })

  test('a pause longer than the debounce sends what was typed so far', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.type(filterBox(), 'son')
    await waitFor(() => expect(filterRequests().map((search) => search.get('q'))).toContain('son'))
    await user.type(filterBox(), 'net')
    await waitFor(() => expect(filterRequests().at(-1)?.get('q')).toBe('sonnet'))
  })

  test('typing adds one history entry at its first keystroke, not one per keystroke', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const length = window.history.length
    await user.type(filterBox(), 'opus')
    await waitFor(() => expect(urlParams().get('q')).toBe('opus'))
    expect(window.history.length).toBe(length + 1)
  })

  test('a filter change on a later page returns to the first page of the filtered view', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await user.type(filterBox(), 'synthetic')
    const expected = await bffJson<ModelPage>('/api/models?q=synthetic')
    await findRange(`1–20 of ${expected.total}`)
    await waitFor(() => expect(urlParams().has('after_id')).toBe(false))
    expect(rowIds()).toEqual(expected.data.map((model) => model.id))
  })

  test('no match says so, and Clear filter brings the whole catalogue back', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.type(filterBox(), 'zzz-no-such-model')
    expect(await screen.findByText('No models match “zzz-no-such-model”')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filter' }))
    await findRange('1–20 of 137')
    expect(filterBox()).toHaveValue('')
    await waitFor(() => expect(urlParams().has('q')).toBe(false))
  })

  test('"/" focuses the filter, except while typing in a field', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    expect(filterBox()).not.toHaveFocus()
    await user.keyboard('/')
    expect(filterBox()).toHaveFocus()
    await user.keyboard('a/b')
    expect(filterBox()).toHaveValue('a/b')
  })

  test('Rows per page changes the page size, from the first page, and keeps it in the URL', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50')
    await findRange('1–50 of 137')
    expect(rowIds()).toHaveLength(50)
    await waitFor(() => expect(urlParams().get('limit')).toBe('50'))
    expect(urlParams().has('after_id')).toBe(false)
    expect(screen.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('50')
    expect(
      [...screen.getByRole('combobox', { name: 'Rows per page' }).querySelectorAll('option')].map((o) => o.value),
    ).toEqual(['10', '20', '50', '100'])
  })
})
