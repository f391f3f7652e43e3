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
