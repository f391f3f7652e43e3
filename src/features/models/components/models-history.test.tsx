import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { Model } from '../../../contract/model'
import { bffJson, fake, TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, renderApp, urlParams } from '../../../testing/render-app'

const table = () => screen.getByRole('table', { name: 'Models' })
const rowOf = (id: string) =>
  [...table().querySelectorAll('tbody > tr')].find((row) => row.querySelector('td')?.textContent === id) as HTMLElement

function arrival(index: number): Model {
  return {
    id: `claude-arrival-${index}`,
    type: 'model',
    display_name: `Claude Arrival ${index}`,
    created_at: '2026-11-01T00:00:00Z',
    lifecycle: 'active',
  }
}

/**
 * Three walks of the BFF: the first is the history's baseline, the second finds `arrivals` added and `leaving`
 * missing, the third finds them still gone, which records their removal.
 */
async function catalogueChanges(arrivals: readonly Model[], leaving: readonly string[]) {
  await bffJson('/api/models')
  fake.setModels([...arrivals, ...TEST_CATALOGUE.filter((model) => !leaving.includes(model.id))])
  await bffJson('/api/models?refresh=1')
  await bffJson('/api/models?refresh=1')
}

describe('catalogue history on the dashboard', () => {
  test('a model first seen after the history began has a New badge; the baseline has none', async () => {
    await catalogueChanges([arrival(1)], [])
    renderApp()
    await findRange('1–20 of 138')
    await waitFor(() => expect(within(rowOf('claude-arrival-1')).getByText('New')).toBeInTheDocument())
    expect(within(rowOf(TEST_CATALOGUE[0]!.id)).queryByText('New')).not.toBeInTheDocument()
  })

  test('the Changes view has its own address and lists additions and removals with dates', async () => {
    await catalogueChanges([arrival(1)], ['claude-haiku-4-5-20251001'])
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(within(screen.getByRole('navigation', { name: 'Views' })).getByRole('link', { name: 'Changes' }))
    await waitFor(() => expect(urlParams().get('view')).toBe('changes'))
    const list = await screen.findByRole('list', { name: 'Changes' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    const texts = items.map((item) => item.textContent)
    expect(texts.some((text) => /Added.*Claude Arrival 1.*claude-arrival-1/.test(text ?? ''))).toBe(true)
    expect(texts.some((text) => /Removed.*Claude Haiku 4\.5.*claude-haiku-4-5-20251001/.test(text ?? ''))).toBe(true)
    for (const item of items) expect(item.querySelector('time')).toHaveAttribute('datetime')
    expect(screen.queryByRole('table', { name: 'Models' })).not.toBeInTheDocument()

    await user.click(within(screen.getByRole('navigation', { name: 'Views' })).getByRole('link', { name: 'Models' }))
    await waitFor(() => expect(urlParams().has('view')).toBe(false))
    await findRange('1–20 of 137')
  })

  test('the Changes view lists only the kinds checked, keeps them in the URL, and a link reproduces them', async () => {
    await catalogueChanges([arrival(1), arrival(2)], ['claude-haiku-4-5-20251001'])
    const first = renderApp('/?view=changes')
    const { user } = first
    const list = await screen.findByRole('list', { name: 'Changes' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    await user.click(screen.getByRole('checkbox', { name: 'Added' }))
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Changes' })).getAllByRole('listitem')).toHaveLength(1),
    )
    expect(screen.getByRole('list', { name: 'Changes' })).toHaveTextContent('Removed')
    await waitFor(() => expect(urlParams().get('kinds')).toBe('removed,display_name_changed,lifecycle_changed'))
    // The last kind left stays checked: no kind at all would list nothing.
    for (const name of ['Renamed', 'Lifecycle changed']) await user.click(screen.getByRole('checkbox', { name }))
    await waitFor(() => expect(urlParams().get('kinds')).toBe('removed'))
    await user.click(screen.getByRole('checkbox', { name: 'Removed' }))
    expect(screen.getByRole('checkbox', { name: 'Removed' })).toBeChecked()
    first.unmount()

    renderApp('/?view=changes&kinds=added')
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Changes' })).getAllByRole('listitem')).toHaveLength(2),
    )
    expect(screen.getByRole('checkbox', { name: 'Removed' })).not.toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Added' })).toBeChecked()
  })

  test('removed models can be searched, each "gone since" its date', async () => {
    await catalogueChanges([], ['claude-haiku-4-5-20251001', 'claude-opus-4-6'])
    const { user } = renderApp('/?view=changes')
    const removed = await screen.findByRole('list', { name: 'Removed models' })
    await waitFor(() => expect(within(removed).getAllByRole('listitem')).toHaveLength(2))
    await user.type(screen.getByRole('searchbox', { name: 'Search removed models' }), 'haiku')
    await waitFor(() => expect(within(removed).getAllByRole('listitem')).toHaveLength(1))
    expect(within(removed).getByRole('listitem')).toHaveTextContent(/claude-haiku-4-5-20251001.*gone since \d+ \w+/)
    await waitFor(() => expect(urlParams().get('gone')).toBe('haiku'))
    await user.clear(screen.getByRole('searchbox', { name: 'Search removed models' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search removed models' }), 'sonnet 9')
    expect(await screen.findByText('No removed model matches “sonnet 9”.')).toBeInTheDocument()
  })

  test('older changes come a cursor page at a time', async () => {
    await catalogueChanges(
      Array.from({ length: 60 }, (_, index) => arrival(index)),
      [],
    )
    const { user } = renderApp('/?view=changes')
    const list = await screen.findByRole('list', { name: 'Changes' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(50)
    await user.click(screen.getByRole('button', { name: 'Show older changes' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(60))
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument()
  })

  test('before the history has two walks, the view says nothing has changed yet', async () => {
    renderApp('/?view=changes')
    expect(await screen.findByText(/No changes recorded yet/)).toBeInTheDocument()
    expect(await screen.findByText('No model has left the catalogue since the history began.')).toBeInTheDocument()
  })
})
