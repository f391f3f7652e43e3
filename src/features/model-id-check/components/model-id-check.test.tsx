import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { bffRequests, fake } from '../../../testing/bff-server'
import { findRange, renderApp, urlParams } from '../../../testing/render-app'

async function check(id: string, beforeAsking: () => void = () => {}) {
  const rendered = renderApp()
  await findRange('1–20 of 137')
  beforeAsking()
  const input = await screen.findByRole('textbox', { name: 'Check a model id' })
  await rendered.user.type(input, `${id}{Enter}`)
  return rendered
}

const status = () =>
  screen.getByText((_, element) => element?.getAttribute('role') === 'status' && !!element.closest('form'))

describe('check a model id', () => {
  test('an alias shows the model it resolves to, with its name', async () => {
    await check('claude-sonnet-4-5')
    await waitFor(() => expect(status()).toHaveTextContent(/claude-sonnet-4-5 resolves to claude-sonnet-4-5-20250929/))
    expect(status()).toHaveTextContent('Claude Sonnet 4.5')
    expect(bffRequests).toContain('/api/models/claude-sonnet-4-5')
  })

  test('an id itself says it is available, and Show details opens it', async () => {
    const { user } = await check('claude-opus-4-6')
    await waitFor(() => expect(status()).toHaveTextContent("claude-opus-4-6 is available to this server's key"))
    await user.click(within(status()).getByRole('button', { name: 'Show details' }))
    expect(await screen.findByRole('dialog')).toBeInTheDocument()
    await waitFor(() => expect(urlParams().get('model')).toBe('claude-opus-4-6'))
  })

  test('an id the key cannot use says so in a sentence', async () => {
    await check('claude-nonexistent-9')
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        "This server's API key cannot use claude-nonexistent-9: no model or alias by that id is available to it.",
      ),
    )
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  test('any other failure is shown with its explanation and a Retry', async () => {
    // After the list has loaded: only the check meets the failing upstream. An alias, which only the
    // upstream resolves (an id the catalogue lists is answered from it).
    await check('claude-sonnet-4-5', () => fake.setFault({ kind: 'status', status: 500 }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The Anthropic API could not be reached or failed')
    fake.setFault(null)
    // Held until the Retry-After of the failure the server repeats until then (1 s here).
    expect(within(alert).getByRole('button', { name: /^Retry in \d s$/ })).toBeDisabled()
    await within(alert)
      .findByRole('button', { name: 'Retry' }, { timeout: 3000 })
      .then((button) => button.click())
    await waitFor(() => expect(status()).toHaveTextContent('claude-sonnet-4-5 resolves to claude-sonnet-4-5-20250929'))
  })

  test('an id that cannot be one is refused with the server’s rule', async () => {
    await check('no spaces/allowed')
    expect(await screen.findByRole('alert')).toHaveTextContent('The model id must be 1–256 letters')
  })
})
