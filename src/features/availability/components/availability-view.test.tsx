import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { errorBody } from '../../../contract/api-error'
import type { AvailabilityPage } from '../../../contract/availability'
import { bffJson, resetBff, server } from '../../../testing/bff-server'
import { renderApp, urlParams } from '../../../testing/render-app'

beforeEach(() => resetBff('workspaces'))

const table = () => screen.findByRole('table', { name: 'Availability' })
const exportGroup = () => within(screen.getByRole('group', { name: 'Export this view' }))

describe('the Availability view', () => {
  test('a row opens the model in the dialog, by its name or a click anywhere else in the row', async () => {
    const expected = await bffJson<AvailabilityPage>('/api/availability?limit=50')
    const [first, second] = expected.data
    const { user } = renderApp('/?view=availability')
    const matrix = await table()
    await user.click(await within(matrix).findByRole('button', { name: first!.display_name }))
    const dialog = await screen.findByRole('dialog', { name: first!.display_name })
    await waitFor(() => expect(urlParams().get('model')).toBe(first!.id))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog).not.toBeInTheDocument())

    const row = within(matrix).getByRole('button', { name: second!.display_name }).closest('tr')!
    await user.click(row.querySelectorAll('td')[1]!)
    expect(await screen.findByRole('dialog', { name: second!.display_name })).toBeInTheDocument()
  })

  test('the workspace selector is hidden here, and back on the models view', async () => {
    const { user } = renderApp()
    await screen.findByRole('combobox', { name: 'Workspace' })
    await user.click(await screen.findByRole('link', { name: 'Availability' }))
    await table()
    expect(screen.queryByRole('combobox', { name: 'Workspace' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Models' }))
    expect(await screen.findByRole('combobox', { name: 'Workspace' })).toBeInTheDocument()
  })

  test('Copy link copies this view; the exports download its whole filtered, sorted view', async () => {
    const { user } = renderApp('/?view=availability&avail_differs=true&avail_sort=status:staging')
    await table()
    await user.type(screen.getByRole('searchbox', { name: 'Filter models by id or name' }), 'opus')
    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    const copied = new URL(await window.navigator.clipboard.readText())
    // One form for a yes: 1, whatever the link said.
    expect(Object.fromEntries(copied.searchParams)).toEqual({
      view: 'availability',
      avail_q: 'opus',
      avail_differs: '1',
      avail_sort: 'status:staging',
    })

    await waitFor(() => {
      const href = new URL(exportGroup().getByRole('link', { name: 'Export CSV' }).getAttribute('href')!, 'http://x')
      expect(href.pathname).toBe('/api/availability/export')
      expect(Object.fromEntries(href.searchParams)).toEqual({
        q: 'opus',
        sort: 'status:staging',
        differs: '1',
        format: 'csv',
      })
    })
    expect(exportGroup().getByRole('link', { name: 'Export JSON' })).toHaveAttribute(
      'href',
      expect.stringContaining('format=json'),
    )
  })

  test('an Unknown cell is focusable and its description is the workspace’s error', async () => {
    const { user } = renderApp('/?view=availability')
    const matrix = await table()
    const unknown = (await within(matrix).findAllByText('Unknown'))[0]!.closest('[tabindex]') as HTMLElement
    expect(unknown).toHaveAccessibleDescription(/^Workspace broken: .*API key/)
    const tooltip = within(unknown).getByRole('tooltip', { hidden: true })
    expect(tooltip).not.toHaveTextContent('ANTHROPIC_API_KEY_BROKEN')
    // Reached by Tab, like any control.
    unknown.blur()
    for (let step = 0; step < 100 && document.activeElement !== unknown; step += 1) await user.tab()
    expect(unknown).toHaveFocus()
  })

  test('a failed view says why with one Retry; Copy link and export are off until it loads', async () => {
    server.use(
      http.get('*/api/availability', () =>
        HttpResponse.json(errorBody('api_error', 'The server hit an unexpected problem.', undefined, 'See the log.'), {
          status: 500,
        }),
      ),
    )
    const { user } = renderApp('/?view=availability')
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent('The server hit an unexpected problem.')
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    expect(screen.queryByRole('table', { name: 'Availability' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeDisabled()
    expect(exportGroup().getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    expect(exportGroup().queryAllByRole('link')).toHaveLength(0)

    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await table()
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeEnabled()
    expect(exportGroup().getAllByRole('link')).toHaveLength(2)
  })

  test('a sort is announced with its results', async () => {
    const { user } = renderApp('/?view=availability')
    const expected = await bffJson<AvailabilityPage>('/api/availability?limit=50')
    await table()
    await user.click(within(screen.getByRole('columnheader', { name: 'Model' })).getByRole('button'))
    const region = document.querySelector('[aria-live="polite"]')!
    await waitFor(() => expect(region).toHaveTextContent(`Sorted by Model, A to Z. ${expected.total} models.`))
  })
})
