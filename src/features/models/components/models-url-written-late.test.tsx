import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, nextPageButton, renderApp, urlParams } from '../../../testing/render-app'

// A change is written to the URL at once (useQueryStates). These tests act synchronously (fireEvent), so each
// click lands in the same task as the change before it: the URL and what is copied have that change already.

const openerOf = (index: number) =>
  within(screen.getByRole('table', { name: 'Models' })).getByRole('button', {
    name: TEST_CATALOGUE[index]!.display_name,
  })

/** Shows the dialog once, so React has its lazy chunk and the next open renders it at once, in the same tick. */
async function loadTheDialog() {
  const warmUp = renderApp(`/?model=${TEST_CATALOGUE[0]!.id}`)
  await screen.findByRole('dialog')
  warmUp.unmount()
}

describe('state written to the URL at once', () => {
  test('Copy link right after typing copies the filter as typed, the link in the address bar', async () => {
    renderApp()
    await findRange('1–20 of 137')
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter models' }), { target: { value: 'opus 4' } })
    expect(urlParams().get('q')).toBe('opus 4')
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }))
    await waitFor(async () => expect(await window.navigator.clipboard.readText()).not.toBe(''))
    const copied = await window.navigator.clipboard.readText()

    expect(new URL(copied).searchParams.get('q')).toBe('opus 4')
    await waitFor(() => expect(urlParams().get('q')).toBe('opus 4'))
    expect(copied).toBe(window.location.href)
  })

  test('Copy link in a dialog opened a moment ago links to that model', async () => {
    await loadTheDialog()
    renderApp('/?limit=10')
    await findRange('1–10 of 137')
    fireEvent.click(openerOf(3))
    const dialog = screen.getByRole('dialog')
    expect(urlParams().get('model')).toBe(TEST_CATALOGUE[3]!.id)
    fireEvent.click(within(dialog).getByRole('button', { name: /^Copy link to / }))
    await waitFor(async () => expect(await window.navigator.clipboard.readText()).not.toBe(''))

    const link = new URL(await window.navigator.clipboard.readText())
    expect(Object.fromEntries(link.searchParams)).toEqual({ limit: '10', model: TEST_CATALOGUE[3]!.id })
  })

  test('a model opened and closed at once leaves history as it was: Back goes to the page before', async () => {
    await loadTheDialog()
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await waitFor(() => expect(urlParams().get('after_id')).toBe(TEST_CATALOGUE[19]!.id))
    const page2 = window.location.href

    fireEvent.click(openerOf(20))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(window.location.href).toBe(page2))
    await findRange('21–40 of 137')

    window.history.back()
    await findRange('1–20 of 137')
    expect(urlParams().has('after_id')).toBe(false)
  })
})
