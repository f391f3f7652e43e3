import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { bffRequests, fake, TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, renderApp, urlParams } from '../../../testing/render-app'

const table = () => screen.getByRole('table', { name: 'Models' })
const rowOf = (id: string) =>
  [...table().querySelectorAll('tbody > tr')].find((row) => row.querySelector('td')?.textContent === id) as HTMLElement

describe('detail dialog', () => {
  test('the display name opens a dialog that loads the model and shows every field', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const model = TEST_CATALOGUE.find((candidate) => candidate.id === 'claude-opus-4-5-20251101')!
    await user.click(within(rowOf(model.id)).getByRole('button', { name: model.display_name }))

    const dialog = await screen.findByRole('dialog', { name: model.display_name })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    await waitFor(() => expect(urlParams().get('model')).toBe(model.id))
    await waitFor(() => expect(bffRequests).toContain(`/api/models/${model.id}`))
    await waitFor(() => expect(within(dialog).queryByText('Loading the latest details…')).not.toBeInTheDocument())
    for (const label of ['Released', 'Lifecycle', 'Deprecated', 'Retires']) {
      expect(within(dialog).getByText(label, { selector: 'dt' })).toBeInTheDocument()
    }
    // Said once, in the header: the id (with its Copy), the name; "Type: model" says nothing.
    for (const label of ['ID', 'Display name', 'Type']) {
      expect(within(dialog).queryByText(label, { selector: 'dt' })).not.toBeInTheDocument()
    }
    expect(within(dialog).getAllByText(model.id, { selector: 'code' })).toHaveLength(1)
    expect(within(dialog).queryByText(/alias/)).not.toBeInTheDocument()
    expect(within(dialog).getByText('deprecated')).toBeInTheDocument()
    expect(within(dialog).getByText('1 Nov 2025')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: `Copy ID ${model.id}` })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: `Copy link to ${model.id}` })).toBeInTheDocument()
  })

  test('a model opened by an alias says which alias it was opened as, and shows the real id once', async () => {
    fake.setModels([{ ...TEST_CATALOGUE[0]!, id: 'claude-sonnet-4-5-20250929', display_name: 'Claude Sonnet 4.5' }])
    fake.setAliases({ 'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929' })
    renderApp('/?model=claude-sonnet-4-5')
    const dialog = await screen.findByRole('dialog', { name: 'Claude Sonnet 4.5' })
    await waitFor(() => expect(dialog).toHaveTextContent('Opened as claude-sonnet-4-5, an alias of this model.'))
    expect(within(dialog).getByRole('button', { name: 'Copy ID claude-sonnet-4-5-20250929' })).toBeInTheDocument()
    expect(within(dialog).getAllByText('claude-sonnet-4-5-20250929', { selector: 'code' })).toHaveLength(1)
  })

  test('a deprecated model without a deprecation date has no "Deprecated: —" row beside its lifecycle', async () => {
    const model = { ...TEST_CATALOGUE[0]!, lifecycle: 'deprecated', deprecated_at: null, retires_at: null }
    fake.setModels([model])
    renderApp(`/?model=${model.id}`)
    const dialog = await screen.findByRole('dialog', { name: model.display_name })
    await waitFor(() => expect(within(dialog).getByText('Lifecycle', { selector: 'dt' })).toBeInTheDocument())
    expect(within(dialog).queryByText('Deprecated', { selector: 'dt' })).not.toBeInTheDocument()
    expect(within(dialog).queryByText('Retires', { selector: 'dt' })).not.toBeInTheDocument()
    expect(dialog).not.toHaveTextContent('—')
  })

  test('Escape closes it, focus returns to the row, and the URL drops the model', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const id = TEST_CATALOGUE[2]!.id
    const opener = within(rowOf(id)).getByRole('button', { name: TEST_CATALOGUE[2]!.display_name })
    await user.click(opener)
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(urlParams().has('model')).toBe(false))
    await waitFor(() =>
      expect(within(rowOf(id)).getByRole('button', { name: TEST_CATALOGUE[2]!.display_name })).toHaveFocus(),
    )
  })

  test('focus stays inside the dialog: Tab from the last control wraps to the first', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(
      within(rowOf(TEST_CATALOGUE[0]!.id)).getByRole('button', { name: TEST_CATALOGUE[0]!.display_name }),
    )
    const dialog = await screen.findByRole('dialog')
    const close = within(dialog).getByRole('button', { name: 'Close' })
    await waitFor(() => expect(close).toHaveFocus())
    for (let step = 0; step < 6; step += 1) {
      await user.tab()
      expect(dialog).toContainElement(document.activeElement as HTMLElement)
    }
    await user.tab({ shift: true })
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
  })

  test('a click anywhere else in the row opens it too, but not a click on its copy button', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const row = rowOf(TEST_CATALOGUE[1]!.id)
    await user.click(within(row).getByRole('button', { name: `Copy ID ${TEST_CATALOGUE[1]!.id}` }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(await window.navigator.clipboard.readText()).toBe(TEST_CATALOGUE[1]!.id)

    await user.click(row.querySelectorAll('td')[2]!)
    expect(await screen.findByRole('dialog', { name: TEST_CATALOGUE[1]!.display_name })).toBeInTheDocument()
  })

  test('a URL with model= opens the dialog on load, over the same view', async () => {
    const model = TEST_CATALOGUE[30]!
    const { user } = renderApp(`/?model=${model.id}`)
    const dialog = await screen.findByRole('dialog', { name: model.display_name })
    expect(within(dialog).getAllByText(model.id).length).toBeGreaterThan(0)
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(urlParams().has('model')).toBe(false))
    await findRange('1–20 of 137')
  })

  test('an unknown model in the URL says so, with Retry', async () => {
    renderApp('/?model=claude-no-such-model')
    const dialog = await screen.findByRole('dialog')
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('No model "claude-no-such-model" is available')
    expect(within(dialog).getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    // Nothing to link to or compare while the model failed to load.
    expect(within(dialog).getByRole('button', { name: /^Copy link to / })).toBeDisabled()
    expect(within(dialog).getByRole('button', { name: 'Compare' })).toBeDisabled()
  })

  test('a failing upstream in the dialog: the reason for visitors, the setting behind Details, one Retry that recovers', async () => {
    const id = TEST_CATALOGUE[0]!.id
    fake.setFault({ kind: 'status', status: 401 })
    const { user } = renderApp(`/?model=${id}`)
    const dialog = await screen.findByRole('dialog')
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent("The Anthropic API rejected this server's API key.")
    expect(
      within(alert)
        .getByText(/Check ANTHROPIC_API_KEY/)
        .closest('details'),
    ).not.toHaveAttribute('open')
    fake.setFault(null)
    // The server repeats the failure until its Retry-After (1 s here): Retry waits for it, the error still shown.
    expect(within(alert).getByRole('button', { name: /^Retry in \d s$/ })).toBeDisabled()
    const retry = await within(alert).findByRole('button', { name: 'Retry' }, { timeout: 3000 })
    expect(retry).toBeEnabled()
    expect(within(dialog).getByRole('alert')).toBe(alert)
    await user.click(retry)
    await waitFor(() => expect(within(dialog).getByText('Released', { selector: 'dt' })).toBeInTheDocument())
    expect(within(dialog).getByRole('button', { name: `Copy link to ${id}` })).toBeEnabled()
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
  })

  test('a Retry that fails again holds once more, and one upstream call serves each window', async () => {
    const id = TEST_CATALOGUE[1]!.id
    fake.setFault({ kind: 'status', status: 500 })
    const { user } = renderApp(`/?model=${id}`)
    const dialog = await screen.findByRole('dialog')
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent('internal problem (HTTP 500)')
    const retrievesBefore = fake.stats.requests.filter((request) => request.includes(`/v1/models/${id}`)).length
    await user.click(await within(alert).findByRole('button', { name: 'Retry' }, { timeout: 3000 }))
    const again = await within(dialog).findByRole('button', { name: /^Retry in \d s$/ }, { timeout: 3000 })
    expect(again).toBeDisabled()
    expect(within(dialog).getByRole('alert')).toHaveTextContent('internal problem (HTTP 500)')
    const retrievesAfter = fake.stats.requests.filter((request) => request.includes(`/v1/models/${id}`)).length
    expect(retrievesAfter - retrievesBefore).toBeLessThanOrEqual(1)
  })

  test('the page behind the dialog is inert', async () => {
    renderApp(`/?model=${TEST_CATALOGUE[0]!.id}`)
    await screen.findByRole('dialog')
    expect(screen.getByRole('table', { hidden: true }).closest('[inert]')).not.toBeNull()
  })

  test('opened from a row, the page behind turns inert once the dialog is shown, and not any more as it closes', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const model = TEST_CATALOGUE[2]!
    await user.click(within(rowOf(model.id)).getByRole('button', { name: model.display_name }))
    await screen.findByRole('dialog', { name: model.display_name })
    const page = () => screen.getByRole('table', { hidden: true }).closest('[inert]')
    await waitFor(() => expect(page()).not.toBeNull())
    expect(page()).toHaveAttribute('aria-hidden', 'true')

    await user.keyboard('{Escape}')
    expect(page()).toBeNull()
    await waitFor(() => expect(within(rowOf(model.id)).getByRole('button', { name: model.display_name })).toHaveFocus())
    // Open again: inert again.
    await user.click(within(rowOf(model.id)).getByRole('button', { name: model.display_name }))
    await screen.findByRole('dialog', { name: model.display_name })
    await waitFor(() => expect(page()).not.toBeNull())
  })

  test('Copy ID in the dialog copies the id; Copy link copies a URL that reopens it', async () => {
    const model = TEST_CATALOGUE[4]!
    const { user } = renderApp(`/?sort=id&model=${model.id}`)
    const dialog = await screen.findByRole('dialog', { name: model.display_name })
    await user.click(within(dialog).getByRole('button', { name: `Copy ID ${model.id}` }))
    expect(await window.navigator.clipboard.readText()).toBe(model.id)
    await user.click(within(dialog).getByRole('button', { name: `Copy link to ${model.id}` }))
    const link = new URL(await window.navigator.clipboard.readText())
    expect(link.searchParams.get('model')).toBe(model.id)
    expect(link.searchParams.get('sort')).toBe('id')
    expect(fake.stats.retrieveCalls).toBe(1)
  })

  test('"/" does not reach for the filter behind an open dialog', async () => {
    const { user } = renderApp(`/?model=${TEST_CATALOGUE[0]!.id}`)
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))
    await user.keyboard('/')
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
  })
})
