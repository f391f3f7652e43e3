import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, renderApp } from '../../../testing/render-app'

describe('the document title', () => {
  test('names the view on screen as the server titles the page: list, search, open model, Changes', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await waitFor(() => expect(document.title).toBe('Model catalogue'))

    await user.type(screen.getByRole('searchbox'), 'opus')
    await waitFor(() => expect(document.title).toBe('“opus” · Model catalogue'))

    const model = TEST_CATALOGUE.find((candidate) => candidate.id === 'claude-opus-4-5-20251101')!
    await user.click(await screen.findByRole('button', { name: model.display_name }))
    await screen.findByRole('dialog', { name: model.display_name })
    await waitFor(() => expect(document.title).toBe(`${model.display_name} · Model catalogue`))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(document.title).toBe('“opus” · Model catalogue'))

    await user.click(within(screen.getByRole('navigation', { name: 'Views' })).getByRole('link', { name: 'Changes' }))
    await waitFor(() => expect(document.title).toBe('Changes · Model catalogue'))
  })
})
