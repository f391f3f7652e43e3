import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import type { Fault } from '../../../fake-upstream/faults'
import { bffRequests, fake, resetBff, server, holdBffAnswers, TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, listRequests, renderApp, rowIds, urlParams } from '../../../testing/render-app'

const ids = TEST_CATALOGUE.map((model) => model.id)

describe('loading', () => {
  test('skeleton rows of the page size hold the space while the first page loads', async () => {
    const release = holdBffAnswers()
    renderApp('/?limit=10')
    const table = screen.getByRole('table', { name: 'Models' })
    expect(table).toHaveAttribute('aria-busy', 'true')
    expect(table.querySelectorAll('tbody > tr')).toHaveLength(10)
    expect(screen.getByText('Loading models…')).toBeInTheDocument()
    release()
    await findRange('1–10 of 137')
    expect(table).toHaveAttribute('aria-busy', 'false')
    expect(rowIds()).toEqual(ids.slice(0, 10))
  })
})

describe('errors from the upstream, each with a message that says what happened and a Retry that recovers', () => {
  const cases: { name: string; fault: Fault; title: string; detail: RegExp }[] = [
    {
      name: 'upstream 401',
      fault: { kind: 'status', status: 401 },
      title: "The server's API key was rejected",
      detail: /rejected this server's API key/,
    },
    {
      name: 'upstream 403',
      fault: { kind: 'status', status: 403 },
      title: "The server's API key lacks permission",
      detail: /lacks permission/,
    },
    {
      name: 'upstream 429 with Retry-After',
      fault: { kind: 'status', status: 429, retryAfterSeconds: 30 },
      title: 'The Anthropic API is rate limiting this server',
      detail: /retry in 30 s/i,
    },
    {
      name: 'upstream 529 with Retry-After',
      fault: { kind: 'status', status: 529, retryAfterSeconds: 5 },
      title: 'The Anthropic API is overloaded',
      detail: /retry in 5 s/i,
    },
    {
      name: 'upstream 500',
      fault: { kind: 'status', status: 500 },
      title: 'The Anthropic API could not be reached or failed',
      detail: /internal problem/,
    },
    {
      name: 'upstream hangs',
      fault: { kind: 'hang' },
      title: 'The Anthropic API did not answer in time',
      detail: /did not answer in time/,
    },
    {
      name: 'connection reset',
      fault: { kind: 'reset' },
      title: 'The Anthropic API could not be reached or failed',
      detail: /could not reach/,
    },
    {
      name: 'malformed body',
      fault: { kind: 'malformed' },
      title: 'The Anthropic API could not be reached or failed',
      detail: /could not read/,
    },
  ]

  test.each(cases)('$name: $title', async ({ fault, title, detail }) => {
    fake.setFault(fault)
    const { user } = renderApp()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(title)
    expect(alert).toHaveTextContent(detail)

    fake.setFault(null)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await findRange('1–20 of 137')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(rowIds()).toEqual(ids.slice(0, 20))
  })

  test('a failed list has one Retry, export and Copy link off, and the setting to check only behind Details', async () => {
    fake.setFault({ kind: 'status', status: 401 })
    const { user } = renderApp()
    const alert = await screen.findByRole('alert')
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeDisabled()
    const exports = within(screen.getByRole('group', { name: 'Export this view' }))
    expect(exports.queryAllByRole('link')).toHaveLength(0)
    expect(exports.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    expect(exports.getByRole('button', { name: 'Export JSON' })).toBeDisabled()

    const hint = within(alert).getByText(/For whoever runs the dashboard: Check ANTHROPIC_API_KEY/)
    expect(hint).not.toBeVisible()
    expect(alert.querySelector('p')?.textContent).not.toMatch(/ANTHROPIC_/)
    await user.click(within(alert).getByText('Details'))
    expect(hint).toBeVisible()

    fake.setFault(null)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await findRange('1–20 of 137')
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeEnabled()
    expect(within(screen.getByRole('group', { name: 'Export this view' })).getAllByRole('link')).toHaveLength(2)
  })

  test('the dashboard’s own server unreachable says so', async () => {
    server.use(http.all('*/api/*', () => HttpResponse.error()))
    const { user } = renderApp()
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent("The dashboard's server cannot be reached")
    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await findRange('1–20 of 137')
  })
})

describe('a cursor the catalogue no longer has', () => {
  test('falls back to the first page of the same view and says so', async () => {
    renderApp('/?sort=id&after_id=claude-retired-long-ago')
    expect(await screen.findByText(/The page this address points to is no longer in the catalogue/)).toBeInTheDocument()
    await findRange('1–20 of 137')
    await waitFor(() => expect(urlParams().has('after_id')).toBe(false))
    expect(urlParams().get('sort')).toBe('id')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // The server was asked, and said no (StrictMode may ask twice: its first mount's request is aborted).
    expect(
      listRequests(bffRequests).filter((search) => search.get('after_id') === 'claude-retired-long-ago').length,
    ).toBeGreaterThan(0)
  })

  test('a before_id filtered out of the view does the same', async () => {
    renderApp(`/?q=opus&before_id=${ids.find((id) => id.includes('sonnet'))}`)
    expect(await screen.findByText(/The page this address points to is no longer in the catalogue/)).toBeInTheDocument()
    await waitFor(() => expect(urlParams().has('before_id')).toBe(false))
    expect(urlParams().get('q')).toBe('opus')
  })
  test('a Refresh that removes the page on screen lands on the first page of the new catalogue and says so', async () => {
    const { user } = renderApp(`/?after_id=${ids[39]}`)
    await findRange('41–60 of 137')
    // The 30 models of the page on screen and the one before it go: fewer than half, so the walk is believed at once.
    fake.setModels(TEST_CATALOGUE.filter((_, index) => index < 30 || index >= 60))
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    expect(await screen.findByText(/no longer in the catalogue/)).toBeInTheDocument()
    await findRange('1–20 of 107')
    await waitFor(() => expect(urlParams().has('after_id')).toBe(false))
    expect(rowIds()).toEqual(ids.slice(0, 20))
  })
})

describe('the catalogue itself', () => {
  test('the header says how old the catalogue is, and Refresh asks the server for a fresh one', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    expect(screen.getByText(/^Updated \d+ s ago$/)).toBeInTheDocument()
    fake.setModels(TEST_CATALOGUE.slice(5))
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await findRange('1–20 of 132')
    expect(rowIds()).toEqual(ids.slice(5, 25))
    expect(listRequests(bffRequests).some((search) => search.get('refresh') === '1')).toBe(true)
  })

  test('an old snapshot served because a refresh failed is a warning with its time and reason, not an error', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    fake.setFault({ kind: 'status', status: 529 })
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    const warning = await screen.findByText(/^Showing the catalogue as of /)
    expect(warning.closest('[role="status"]')).toHaveTextContent(
      /could not refresh it: The Anthropic API is overloaded/,
    )
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(rowIds()).toEqual(ids.slice(0, 20))
  })

  test('demo mode shows a banner that says so and how to use a real key', async () => {
    resetBff('demo')
    renderApp()
    const banner = (await screen.findByText('Demo data')).closest('[role="status"]')
    expect(banner).toHaveTextContent(/built-in demo catalogue/)
    expect(banner).toHaveTextContent(/start the server with ANTHROPIC_API_KEY set/)
  })

  test('a live server shows no demo banner', async () => {
    renderApp()
    await findRange('1–20 of 137')
    await waitFor(() => expect(bffRequests).toContain('/api/health'))
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument()
  })

  test('an empty catalogue says so', async () => {
    fake.setModels([])
    renderApp()
    expect(await screen.findByText('The catalogue is empty: this key has no models.')).toBeInTheDocument()
  })

  test('names from the upstream are text, never markup', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    fake.setModels([{ ...TEST_CATALOGUE[0]!, id: 'claude-hostile', display_name: hostile }, ...TEST_CATALOGUE.slice(1)])
    renderApp()
    await findRange('1–20 of 137')
    const table = screen.getByRole('table', { name: 'Models' })
    expect(within(table).getByRole('button', { name: hostile })).toHaveTextContent(hostile)
    expect(table.querySelector('img, script')).toBeNull()
  })
})
