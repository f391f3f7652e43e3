import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { errorBody } from '../../../contract/api-error'
import type { Model } from '../../../contract/model'
import { bffJson, bffRequests, fake, server, TEST_CATALOGUE } from '../../../testing/bff-server'
import { renderApp } from '../../../testing/render-app'

const ALL_CLEAR = /No changes recorded yet|No model has left the catalogue/

const arrival: Model = {
  id: 'claude-arrival-1',
  type: 'model',
  display_name: 'Claude Arrival 1',
  created_at: '2026-11-01T00:00:00Z',
  lifecycle: 'active',
}

describe('the Changes view when things fail', () => {
  test('with the upstream down from the start, it says why with one Retry, and never that nothing changed', async () => {
    fake.setFault({ kind: 'status', status: 500 })
    const { user } = renderApp('/?view=changes')
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent(/The Anthropic API|failed|error/)
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    expect(screen.getAllByText('Cannot be listed until the problem above is resolved.')).toHaveLength(2)
    expect(document.body).not.toHaveTextContent(ALL_CLEAR)

    const asked = bffRequests.filter((request) => request.startsWith('/api/changes')).length
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() =>
      expect(bffRequests.filter((request) => request.startsWith('/api/changes')).length).toBeGreaterThan(asked),
    )
    expect(await screen.findByRole('alert', {}, { timeout: 8000 })).toBeInTheDocument()
    expect(document.body).not.toHaveTextContent(ALL_CLEAR)
  })

  test('a failed refresh behind recorded changes is reported once, and the changes stay listed', async () => {
    await bffJson('/api/models')
    fake.setModels([arrival, ...TEST_CATALOGUE])
    await bffJson('/api/models?refresh=1')
    fake.setFault({ kind: 'status', status: 500 })
    await bffJson('/api/models?refresh=1')
    renderApp('/?view=changes')
    const list = await screen.findByRole('list', { name: 'Changes' })
    expect(within(list).getByRole('listitem')).toHaveTextContent('claude-arrival-1')
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    expect(document.body).not.toHaveTextContent(/No model has left the catalogue/)
  })

  test('with the history failing, it gives the server’s reason with one Retry, and Retry brings the view back', async () => {
    server.use(
      http.get('*/api/changes', () =>
        HttpResponse.json(errorBody('api_error', 'The catalogue history is unavailable: disk full.'), { status: 503 }),
      ),
      http.get('*/api/seen', () =>
        HttpResponse.json(errorBody('api_error', 'The catalogue history is unavailable: disk full.'), { status: 503 }),
      ),
    )
    const { user } = renderApp('/?view=changes')
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent('The catalogue history is unavailable: disk full.')
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    expect(document.body).not.toHaveTextContent(ALL_CLEAR)

    server.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText(/No changes recorded yet/)).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })
})

describe('the Changes view', () => {
  test('links its Atom feed visibly, as Subscribe', async () => {
    renderApp('/?view=changes')
    await screen.findByRole('heading', { name: 'Changes to the catalogue' })
    const subscribe = screen.getByRole('link', { name: 'Subscribe' })
    expect(subscribe).toHaveAttribute('href', '/feed.xml')
    expect(subscribe).toHaveAttribute('type', 'application/atom+xml')
  })

  test('dates carry the year, and the exact time in UTC on hover', async () => {
    await bffJson('/api/models')
    fake.setModels([arrival, ...TEST_CATALOGUE])
    await bffJson('/api/models?refresh=1')
    renderApp('/?view=changes')
    const list = await screen.findByRole('list', { name: 'Changes' })
    const time = within(list).getByRole('listitem').querySelector('time')!
    expect(time.textContent).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/)
    expect(time).toHaveAttribute('title', expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/))
  })
})

/**
 * Three walks: the history's baseline, one that finds `arrival` added and `leaving` missing, and one that
 * finds it still missing, which records its removal.
 */
async function arrivalAndRemoval(leaving: string) {
  await bffJson('/api/models')
  fake.setModels([arrival, ...TEST_CATALOGUE.filter((model) => model.id !== leaving)])
  await bffJson('/api/models?refresh=1')
  await bffJson('/api/models?refresh=1')
}

const DAY_MS = 86_400_000
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10)

describe('the Changes view opens models', () => {
  test('a change’s model opens in the dialog, over the Changes view', async () => {
    await arrivalAndRemoval(TEST_CATALOGUE[3]!.id)
    const { user } = renderApp('/?view=changes')
    const list = await screen.findByRole('list', { name: 'Changes' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    await user.click(within(list).getByRole('button', { name: 'Claude Arrival 1' }))
    const dialog = await screen.findByRole('dialog', { name: 'Claude Arrival 1' })
    await waitFor(() => expect(within(dialog).getByText('Released', { selector: 'dt' })).toBeInTheDocument())
    expect(new URLSearchParams(window.location.search).get('view')).toBe('changes')
  })

  test('a removed model opens a dialog that says when it was removed and what the history knows', async () => {
    const leaving = TEST_CATALOGUE[3]!
    await arrivalAndRemoval(leaving.id)
    const { user } = renderApp('/?view=changes')
    const removed = await screen.findByRole('list', { name: 'Removed models' })
    await user.click(await within(removed).findByRole('button', { name: leaving.display_name }))
    const dialog = await screen.findByRole('dialog', { name: leaving.display_name })
    const notice = await within(dialog).findByText(
      /^Removed from the catalogue on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/,
    )
    expect(notice.closest('[role="status"]')).toHaveTextContent(
      new RegExp(
        `last saw it on .* UTC, named “${leaving.display_name}”.*already in the catalogue when the history began`,
      ),
    )
    // Not an error: the history knows the model, it has only left the catalogue.
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument()
  })

  test('closing a removed model gives focus back to the Changes row it was opened from, not its other line', async () => {
    const leaving = TEST_CATALOGUE[3]!
    await arrivalAndRemoval(leaving.id)
    const { user } = renderApp('/?view=changes')
    const list = await screen.findByRole('list', { name: 'Changes' })
    // Listed twice: under Removed models (first on the page) and as its change.
    await screen.findByRole('list', { name: 'Removed models' })
    const opener = await within(list).findByRole('button', { name: leaving.display_name })
    await user.click(opener)
    const dialog = await screen.findByRole('dialog', { name: leaving.display_name })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(opener).toHaveFocus()
  })

  test('an id neither the API nor the history knows is still an error with Retry', async () => {
    renderApp('/?view=changes&model=claude-never-was')
    const dialog = await screen.findByRole('dialog')
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Not found')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })
})

describe('the Changes view since a day', () => {
  test('since= in the URL lists only what happened from that day, and says so with the year when nothing did', async () => {
    await arrivalAndRemoval(TEST_CATALOGUE[3]!.id)
    const tomorrow = day(1)
    const { user } = renderApp(`/?view=changes&since=${tomorrow}`)
    const field = await screen.findByLabelText('Changes since (UTC)')
    expect(field).toHaveValue(tomorrow)
    expect(await screen.findByText(/^No changes recorded since \d{1,2} [A-Z][a-z]{2} \d{4}\.$/)).toBeInTheDocument()
    expect(
      screen.getByText(/^No model has left the catalogue since \d{1,2} [A-Z][a-z]{2} \d{4}\.$/),
    ).toBeInTheDocument()
    expect(
      bffRequests.some((request) => request.startsWith('/api/changes') && request.includes(`since=${tomorrow}`)),
    ).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Show the whole history' }))
    const list = await screen.findByRole('list', { name: 'Changes' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    await waitFor(() => expect(new URLSearchParams(window.location.search).has('since')).toBe(false))
  })

  test('a day picked in the field goes to the URL; a date that is not a day is ignored', async () => {
    await arrivalAndRemoval(TEST_CATALOGUE[3]!.id)
    const { user } = renderApp('/?view=changes&since=2026-02-30')
    const field = await screen.findByLabelText('Changes since (UTC)')
    expect(field).toHaveValue('')
    const yesterday = day(-1)
    await user.type(field, yesterday)
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('since')).toBe(yesterday))
    const list = await screen.findByRole('list', { name: 'Changes' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
  })
})
