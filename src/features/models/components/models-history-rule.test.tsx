import { screen, waitFor } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { findRange, nextPageButton, renderApp, urlParams } from '../../../testing/render-app'

// One rule (hooks/use-history-rule.ts): a discrete change pushes; typing pushes at its first keystroke and
// replaces after it, so Back returns to the view before the typing.

const filter = () => screen.getByRole('searchbox', { name: 'Filter models' })

describe('history', () => {
  test('Back after typing a filter returns to the view before the first keystroke, in one step', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await waitFor(() => expect(urlParams().has('after_id')).toBe(true))
    const before = window.location.search

    await user.type(filter(), 'synthetic 1')
    await waitFor(() => expect(urlParams().get('q')).toBe('synthetic 1'))
    window.history.back()
    await waitFor(() => expect(window.location.search).toBe(before))
    await findRange('21–40 of 137')
    expect(filter()).toHaveValue('')
  })

  test('typing again after another change pushes a new entry', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.type(filter(), 'synthetic')
    await waitFor(() => expect(urlParams().get('q')).toBe('synthetic'))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '10')
    await waitFor(() => expect(urlParams().get('limit')).toBe('10'))
    await user.type(filter(), ' 1')
    await waitFor(() => expect(urlParams().get('q')).toBe('synthetic 1'))

    window.history.back()
    await waitFor(() => expect(urlParams().get('q')).toBe('synthetic'))
    expect(urlParams().get('limit')).toBe('10')
    window.history.back()
    await waitFor(() => expect(urlParams().has('limit')).toBe(false))
    expect(urlParams().get('q')).toBe('synthetic')
  })

  test('a toggle (a column in Columns) pushes, like every discrete change', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    await user.click(screen.getByRole('checkbox', { name: 'Context window' }))
    await waitFor(() => expect(urlParams().get('cols')).toBe('max_input_tokens'))
    window.history.back()
    await waitFor(() => expect(urlParams().has('cols')).toBe(false))
  })
})
