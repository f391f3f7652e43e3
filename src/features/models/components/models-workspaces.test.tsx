import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, test } from 'vitest'
import type { AvailabilityPage } from '../../../contract/availability'
import type { ModelPage } from '../../../contract/model'
import { bffJson, bffRequests, resetBff } from '../../../testing/bff-server'
import { findRange, renderApp, rowIds, urlParams } from '../../../testing/render-app'

beforeEach(() => resetBff('workspaces'))

function availabilityTable() {
  return screen.findByRole('table', { name: 'Availability' })
}

/** The status cells of a row of the availability table, by column name. */
function statusesOf(row: HTMLElement): string[] {
  return (
    within(row)
      .getAllByRole('cell')
      .slice(2)
      // An Unknown cell's reason is its description, not its text.
      .map((cell) => (cell.querySelector('[role="tooltip"]') ? 'Unknown' : (cell.textContent ?? '')))
  )
}

describe('several workspaces', () => {
  test('the workspace selector shows another workspace’s catalogue, and the URL keeps it', async () => {
    const { user } = renderApp()
    const byDefault = await bffJson<ModelPage>('/api/models')
    await findRange(`1–20 of ${byDefault.total}`)
    const select = screen.getByRole('combobox', { name: 'Workspace' })
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['default', 'broken', 'staging'])
    await user.selectOptions(select, 'staging')
    const staging = await bffJson<ModelPage>('/api/models?workspace=staging')
    await findRange(`1–20 of ${staging.total}`)
    expect(rowIds()).toEqual(staging.data.map((model) => model.id))
    await waitFor(() => expect(Object.fromEntries(urlParams())).toEqual({ ws: 'staging' }))
    expect(screen.getByText('The Anthropic models the key of workspace staging can use.')).toBeInTheDocument()
    expect(bffRequests.some((request) => request.startsWith('/api/models?workspace=staging'))).toBe(true)

    // Back to the default: it leaves the URL, as every default does.
    await user.selectOptions(select, 'default')
    await findRange(`1–20 of ${byDefault.total}`)
    await waitFor(() => expect(Object.fromEntries(urlParams())).toEqual({}))
  })

  test('a link with ws= opens that workspace; one with a workspace the server lacks says so and offers the others', async () => {
    const staging = await bffJson<ModelPage>('/api/models?workspace=staging')
    const first = renderApp('/?ws=staging')
    await findRange(`1–20 of ${staging.total}`)
    expect(screen.getByRole('combobox', { name: 'Workspace' })).toHaveValue('staging')
    first.unmount()

    renderApp('/?ws=prod')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('There is no workspace called "prod" on this server')
    expect(alert).toHaveTextContent('Its workspaces: default, broken, staging')
    const select = screen.getByRole('combobox', { name: 'Workspace' })
    expect(within(select).getByRole('option', { name: 'prod (not on this server)' })).toBeDisabled()
  })

  test('the Availability view has a column per workspace; the failing one shows its error, the others their statuses', async () => {
    const { user } = renderApp()
    await user.click(await screen.findByRole('link', { name: 'Availability' }))
    const table = await availabilityTable()
    const expected = await bffJson<AvailabilityPage>('/api/availability?limit=50')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + Math.min(50, expected.total)))
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent)
    expect(headers).toEqual(['Model', 'Released', 'default', 'broken', 'staging'])

    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Workspace broken: its catalogue could not be read')
    // The setting to check is for whoever runs the dashboard: behind Details.
    expect(
      within(alert)
        .getByText(/ANTHROPIC_API_KEY_BROKEN/)
        .closest('details'),
    ).not.toBeNull()
    const [firstRow] = within(table).getAllByRole('row').slice(1)
    const first = expected.data[0]!
    expect(statusesOf(firstRow!)).toEqual([
      first.status.default === 'available' ? 'Available' : expect.any(String),
      'Unknown',
      expect.stringMatching(/^(Available|Deprecated|Retired|Absent)$/),
    ])
    await waitFor(() => expect(Object.fromEntries(urlParams())).toEqual({ view: 'availability' }))
  })

  test('availability filters to the differences and sorts by a workspace, in the URL, and a link reproduces it', async () => {
    const first = renderApp('/?view=availability')
    const { user } = first
    await availabilityTable()
    await user.click(screen.getByRole('checkbox', { name: 'Only models that differ between workspaces' }))
    await user.click(within(screen.getByRole('columnheader', { name: 'staging' })).getByRole('button'))
    const expected = await bffJson<AvailabilityPage>('/api/availability?limit=50&differs=1&sort=status:staging')
    const table = await availabilityTable()
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .slice(1)
          .map((row) => within(row).getAllByRole('cell')[0]!.textContent),
      ).toEqual(expected.data.map((row) => `${row.display_name}${row.id}`)),
    )
    expect(screen.getByRole('columnheader', { name: 'staging' })).toHaveAttribute('aria-sort', 'ascending')
    await waitFor(() =>
      expect(Object.fromEntries(urlParams())).toEqual({
        view: 'availability',
        avail_differs: '1',
        avail_sort: 'status:staging',
      }),
    )
    first.unmount()

    renderApp('/?view=availability&avail_differs=true&avail_sort=status:staging')
    expect(await screen.findByRole('checkbox', { name: 'Only models that differ between workspaces' })).toBeChecked()
    expect(await screen.findByRole('columnheader', { name: 'staging' })).toHaveAttribute('aria-sort', 'ascending')
  })

  test('availability pages with Next and Previous and filters by text', async () => {
    const { user } = renderApp('/?view=availability')
    const all = await bffJson<AvailabilityPage>('/api/availability?limit=50')
    await findRange(`1–50 of ${all.total}`)
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    await findRange(`51–100 of ${all.total}`)
    await waitFor(() => expect(urlParams().get('avail_after')).toBe(all.last_id))
    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    await findRange(`1–50 of ${all.total}`)

    await user.type(screen.getByRole('searchbox', { name: 'Filter models by id or name' }), 'opus')
    const opus = await bffJson<AvailabilityPage>('/api/availability?limit=50&q=opus')
    await findRange(`1–${opus.total} of ${opus.total}`)
    await waitFor(() => expect(urlParams().get('avail_q')).toBe('opus'))
  })

  test('the Availability tab is there only when the server has several workspaces', async () => {
    resetBff('live')
    renderApp()
    await screen.findByRole('link', { name: 'Changes' })
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Workspace' })).toBeNull())
    expect(screen.queryByRole('link', { name: 'Availability' })).toBeNull()
  })

  test('a link with avail_differs=1 or avail_differs=true shows only the differences', async () => {
    for (const written of ['1', 'true']) {
      const view = renderApp(`/?view=availability&avail_differs=${written}`)
      expect(await screen.findByRole('checkbox', { name: 'Only models that differ between workspaces' })).toBeChecked()
      await waitFor(() =>
        expect(bffRequests.some((request) => /^\/api\/availability\?.*differs=1/.test(request))).toBe(true),
      )
      view.unmount()
      bffRequests.length = 0
    }
  })

  test('Absent and Unknown cells differ by icon and word, not only by colour', async () => {
    renderApp('/?view=availability&avail_differs=1')
    const table = await availabilityTable()
    const expected = await bffJson<AvailabilityPage>('/api/availability?limit=50&differs=1')
    const absentIndex = expected.data.findIndex((row) => Object.values(row.status).includes('absent'))
    expect(absentIndex).toBeGreaterThanOrEqual(0)
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + Math.min(50, expected.total)))
    const row = within(table).getAllByRole('row')[1 + absentIndex]!
    const absent = row.querySelector('td[data-status="absent"]')!
    const unknown = row.querySelector('td[data-status="unknown"]')!
    expect(absent).toHaveTextContent(/^Absent$/)
    expect(unknown).toHaveTextContent(/^Unknown/)
    const absentIcon = absent.querySelector('svg')
    const unknownIcon = unknown.querySelector('svg')
    expect(absentIcon).not.toBeNull()
    expect(unknownIcon).not.toBeNull()
    expect(absentIcon!.innerHTML).not.toBe(unknownIcon!.innerHTML)
  })
})
