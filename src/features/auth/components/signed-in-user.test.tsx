import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createQueryClient } from '../../../app/query-client'
import type { Me } from '../../../contract/me'
import { server } from '../../../testing/bff-server'
import { meQueryOptions } from '../api/get-me'
import { SignedInUser } from './signed-in-user'

function renderSignedInUser() {
  const queryClient = createQueryClient()
  const view = render(
    <QueryClientProvider client={queryClient}>
      <SignedInUser />
    </QueryClientProvider>,
  )
  const answered = () =>
    waitFor(() => expect(queryClient.getQueryState(meQueryOptions().queryKey)?.status).toBe('success'))
  return { ...view, answered }
}

function renderWith(answer: Me | { status: number }) {
  server.use(
    http.get('*/api/me', () =>
      'status' in answer ? HttpResponse.json({}, { status: answer.status }) : HttpResponse.json(answer),
    ),
  )
  return renderSignedInUser()
}

describe('SignedInUser', () => {
  it('shows who is signed in, with a Sign out link to the server’s sign-out', async () => {
    renderWith({ name: 'ada@example.com', kind: 'user', sign_out_url: 'https://dash.example/auth/sign-out' })
    expect(await screen.findByText('ada@example.com')).toBeVisible()
    expect(screen.getByRole('link', { name: 'Sign out' })).toHaveAttribute('href', 'https://dash.example/auth/sign-out')
  })

  it('shows the user of a sign-in proxy without Sign out, which is the proxy’s', async () => {
    renderWith({ name: 'bob@example.com', kind: 'proxy', sign_out_url: null })
    expect(await screen.findByText('bob@example.com')).toBeVisible()
    expect(screen.queryByRole('link', { name: 'Sign out' })).toBeNull()
  })

  it('shows nothing with sign-in off (as the real server answers then)', async () => {
    // The in-process BFF of the tests runs with no sign-in: it answers anonymous.
    const { container, answered } = renderSignedInUser()
    await answered()
    expect(container).toBeEmptyDOMElement()
  })

  it('shows nothing when the server does not answer who it is', async () => {
    const { container, answered } = renderWith({ status: 401 })
    await answered()
    expect(container).toBeEmptyDOMElement()
  })
})
