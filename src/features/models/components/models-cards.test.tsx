import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, test } from 'vitest'
import { holdBffAnswers, TEST_CATALOGUE } from '../../../testing/bff-server'
import { emulateWidth } from '../../../testing/breakpoints'
import { findRange, renderApp } from '../../../testing/render-app'

// On a phone the page's models are a list of cards instead of the table (the same rows; CSS picks one).

const cardList = () => screen.getByRole('list', { name: 'Models' })
const cards = () => within(cardList()).getAllByRole('article')

describe('the models as cards on a phone', () => {
  beforeEach(() => emulateWidth('phone'))

  test('one card per row of the page, in order, each headed by its name, and no table', async () => {
    renderApp('/?limit=10')
    await findRange('1–10 of 137')
    expect(screen.queryByRole('table', { name: 'Models' })).not.toBeInTheDocument()
    const expected = TEST_CATALOGUE.slice(0, 10)
    expect(cards().map((card) => within(card).getByRole('heading').textContent)).toEqual(
      expected.map((model) => model.display_name),
    )
    for (const [index, card] of cards().entries()) {
      const model = expected[index]!
      expect(card).toHaveAccessibleName(model.display_name)
      expect(within(card).getByRole('button', { name: `Copy ID ${model.id}` })).toBeInTheDocument()
      expect(card).toHaveTextContent(model.id)
    }
  })

  test('a card says its dates, its lifecycle and the optional columns chosen, each labelled', async () => {
    const deprecated = TEST_CATALOGUE.find((model) => model.lifecycle === 'deprecated' && model.retires_at)!
    renderApp(`/?q=${deprecated.id}&cols=max_input_tokens,line`)
    const card = await screen.findByRole('article', { name: deprecated.display_name })
    const terms = within(card)
      .getAllByRole('term')
      .map((term) => term.textContent)
    expect(terms).toEqual(expect.arrayContaining(['Released', 'Context window', 'Line']))
    expect(terms).not.toContain('ID')
    expect(card).toHaveTextContent(/Retires \d{1,2} \w{3,4} \d{4}|Retires today|Retirement overdue/)
  })

  test('placeholder cards of the page size hold the space while the first page loads', async () => {
    const release = holdBffAnswers()
    renderApp('/?limit=10')
    expect(cardList()).toHaveAttribute('aria-busy', 'true')
    expect(within(cardList()).queryAllByRole('article')).toHaveLength(0)
    expect(cardList().children).toHaveLength(10)
    release()
    await findRange('1–10 of 137')
    expect(cardList()).toHaveAttribute('aria-busy', 'false')
    expect(cards()).toHaveLength(10)
  })

  test('a click on a card opens its model; its buttons do their own thing', async () => {
    const { user } = renderApp('/?limit=10')
    await findRange('1–10 of 137')
    const first = TEST_CATALOGUE[0]!
    const card = screen.getByRole('article', { name: first.display_name })
    await user.click(within(card).getByRole('button', { name: `Copy ID ${first.id}` }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await user.click(card)
    expect(await screen.findByRole('dialog', { name: first.display_name })).toBeInTheDocument()
  })

  test('an empty result is one message, with Clear filter', async () => {
    const { user } = renderApp('/?q=zzz-no-such-model')
    expect(await screen.findByText('No models match “zzz-no-such-model”')).toBeVisible()
    expect(screen.queryByRole('list', { name: 'Models' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filter' }))
    await findRange('1–20 of 137')
    await waitFor(() => expect(cards()).toHaveLength(20))
  })
})
