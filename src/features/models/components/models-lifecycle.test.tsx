import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { DEMO_MODELS } from '../../../fake-upstream/demo-catalogue'
import { bffJson, bffRequests, fake } from '../../../testing/bff-server'
import { findRange, listRequests, renderApp, rowIds, urlParams } from '../../../testing/render-app'

const table = () => screen.getByRole('table', { name: 'Models' })
const rowOf = (id: string) =>
  [...table().querySelectorAll('tbody > tr')].find((row) => row.querySelector('td')?.textContent === id) as HTMLElement
const lifecycle = () => within(screen.getByRole('group', { name: 'Lifecycle' }))

const retired = DEMO_MODELS.filter((model) => model.lifecycle === 'retired').map((model) => model.id)
const shownByDefault = DEMO_MODELS.length - retired.length
/** The demo line-up from an upstream that gives no token limits for two models (null, as API 2026-10-21 says it). */
const withUnknownLimits = DEMO_MODELS.map((model) =>
  model.id === 'claude-sonnet-4-6' || model.id === 'claude-opus-4-6'
    ? { ...model, max_input_tokens: null, max_tokens: null }
    : model,
)

beforeEach(() => {
  // Only the clock: timers stay real, so the page's debounce and user events run as usual.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-10T12:00:00Z'))
  fake.setModels(DEMO_MODELS)
})
afterEach(() => vi.useRealTimers())

describe('lifecycle', () => {
  test('shows active and deprecated models by default; Retired adds the retired ones after them, greyed, in the URL', async () => {
    // A page that holds the whole line-up, retired models included.
    const { user } = renderApp('/?limit=50')
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    expect(lifecycle().getByRole('checkbox', { name: 'Active' })).toBeChecked()
    expect(lifecycle().getByRole('checkbox', { name: 'Deprecated' })).toBeChecked()
    expect(lifecycle().getByRole('checkbox', { name: 'Retired' })).not.toBeChecked()
    expect(rowIds().some((id) => retired.includes(id))).toBe(false)

    await user.click(lifecycle().getByRole('checkbox', { name: 'Retired' }))
    await findRange(`1–${DEMO_MODELS.length} of ${DEMO_MODELS.length}`)
    await waitFor(() => expect(urlParams().get('lifecycle')).toBe('active,deprecated,retired'))
    expect(listRequests(bffRequests).at(-1)?.get('lifecycle')).toBe('active,deprecated,retired')
    expect(rowIds().slice(-retired.length)).toEqual(retired)
    for (const id of retired) {
      expect(rowOf(id)).toHaveAttribute('data-lifecycle', 'retired')
      expect(within(rowOf(id)).getByText('Retired')).toBeInTheDocument()
    }
  })

  test('a link with lifecycle=retired shows only retired models; the last stage left cannot be unticked', async () => {
    const { user } = renderApp('/?lifecycle=retired')
    await findRange(`1–${retired.length} of ${retired.length}`)
    expect(rowIds()).toEqual(retired)
    const only = lifecycle().getByRole('checkbox', { name: 'Retired' })
    await user.click(only)
    expect(only).toBeChecked()
    await waitFor(() => expect(urlParams().get('lifecycle')).toBe('retired'))
  })

  test('a deprecated model shows its retirement date, red within 30 days', async () => {
    renderApp()
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    const soon = within(rowOf('claude-sonnet-4-5-20250929')).getByText(/Retires/)
    expect(soon).toHaveTextContent('Deprecated, Retires 30 Nov 2026')
    expect(soon).toHaveAttribute('data-soon', 'true')
    const later = within(rowOf('claude-opus-4-5-20251101')).getByText(/Retires/)
    expect(later).toHaveTextContent('Retires 22 Jan 2027')
    expect(later).not.toHaveAttribute('data-soon')
    expect(within(rowOf('claude-opus-4-6')).queryByText(/Retires|Retired/)).not.toBeInTheDocument()
  })

  test.each([
    ['08:00', 'Retires today', 'Retires today'],
    ['20:00', 'Retirement overdue', 'Retirement overdue: it was due today'],
  ])('at %s UTC on its retirement day (12:00 UTC), the badge and the dialog agree', async (time, badge, sentence) => {
    vi.setSystemTime(new Date(`2026-11-30T${time}:00Z`))
    const id = 'claude-sonnet-4-5-20250929'
    fake.setModels(
      DEMO_MODELS.map((model) => (model.id === id ? { ...model, retires_at: '2026-11-30T12:00:00Z' } : model)),
    )
    const { user } = renderApp()
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    const row = rowOf(id)
    expect(within(row).getByText(badge)).toHaveAttribute('data-soon', 'true')
    await user.click(within(row).getByRole('button', { name: 'Claude Sonnet 4.5' }))
    const dialog = await screen.findByRole('dialog', { name: 'Claude Sonnet 4.5' })
    await waitFor(() => expect(within(dialog).queryByText('Loading the latest details…')).not.toBeInTheDocument())
    const plan = within(dialog).getByRole('region', { name: 'Retirement planning' })
    expect(plan).toHaveTextContent(`retires 30 Nov 2026 — ${sentence}`)
    expect(dialog).not.toHaveTextContent('yesterday')
  })

  test('a seed-era upstream (four fields) shows every model as active, with no badges', async () => {
    fake.setShape('seed')
    renderApp('/?lifecycle=retired')
    // Not "the catalogue is empty": the stage chosen is what matches nothing.
    await screen.findByText('No models match with the filters chosen.')
    expect(screen.getByRole('button', { name: 'Clear all filters' })).toBeInTheDocument()
    window.history.replaceState(null, '', '/')
  })
})

describe('columns', () => {
  test('Context window and Max output are hidden until chosen in Columns; the choice is in the URL', async () => {
    fake.setModels(withUnknownLimits)
    const { user } = renderApp()
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    const headers = () =>
      within(table())
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent)
    expect(headers()).toEqual(['ID', 'Display name', 'Line', 'Released'])

    const columns = screen.getByRole('button', { name: 'Columns' })
    expect(columns).toHaveAttribute('aria-expanded', 'false')
    await user.click(columns)
    expect(columns).toHaveAttribute('aria-expanded', 'true')
    await user.click(screen.getByRole('checkbox', { name: 'Context window' }))
    await waitFor(() => expect(urlParams().get('cols')).toBe('max_input_tokens'))
    expect(headers()).toEqual(['ID', 'Display name', 'Line', 'Released', 'Context window'])
    expect(within(rowOf('claude-opus-4-5-20251101')).getByText('200,000')).toBeInTheDocument()
    // Not sent by the upstream: shown as unknown rather than made up.
    expect(rowOf('claude-sonnet-4-6').querySelectorAll('td')[4]).toHaveTextContent('Unknown')

    await user.keyboard('{Escape}')
    expect(columns).toHaveAttribute('aria-expanded', 'false')
    expect(columns).toHaveFocus()
  })

  test('a link with cols shows both columns, and they sort on the server, unknown values last', async () => {
    fake.setModels(withUnknownLimits)
    const { user } = renderApp('/?cols=max_tokens,max_input_tokens')
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    const header = within(table()).getByRole('columnheader', { name: 'Max output' })
    expect(within(table()).getByRole('columnheader', { name: 'Context window' })).toBeInTheDocument()
    await user.click(within(header).getByRole('button', { name: 'Max output' }))
    await waitFor(() => expect(urlParams().get('sort')).toBe('max_tokens'))
    const expected = (await bffJson<ModelPage>('/api/models?sort=max_tokens')).data.map((model) => model.id)
    await waitFor(() => expect(rowIds()).toEqual(expected))
    // Ties keep the upstream's order.
    expect(expected.slice(0, 3)).toEqual(['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-sonnet-5'])
    expect(expected.at(-1)).toBe('claude-opus-4-6')
  })
})

describe('every column', () => {
  const headers = () =>
    within(table())
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent)

  test('each column but the display name is shown or hidden from Columns, as changes to the default in cols', async () => {
    const { user } = renderApp()
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    const menu = within(screen.getByRole('group', { name: 'Columns shown' }))
    expect(menu.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual([
      'ID',
      'Display name',
      'Line',
      'Released',
      'Type',
      'Context window',
      'Max output',
    ])
    // Type says "model" on every row: hidden until asked for.
    expect(menu.getByRole('checkbox', { name: 'Type' })).not.toBeChecked()
    expect(menu.getByRole('checkbox', { name: 'Display name' })).toBeDisabled()
    expect(menu.getByRole('checkbox', { name: 'Display name' })).toHaveAccessibleDescription(
      'Display name is always shown: it opens the model.',
    )

    await user.click(menu.getByRole('checkbox', { name: 'ID' }))
    await user.click(menu.getByRole('checkbox', { name: 'Line' }))
    await user.click(menu.getByRole('checkbox', { name: 'Type' }))
    await waitFor(() => expect(urlParams().get('cols')).toBe('type,-id,-line'))
    expect(headers()).toEqual(['Display name', 'Released', 'Type'])
    // Without the ID column the rows still start with their Compare box, and still open.
    expect(screen.getByRole('checkbox', { name: 'Compare claude-opus-4-6' })).toBeInTheDocument()

    await user.click(menu.getByRole('checkbox', { name: 'ID' }))
    await user.click(menu.getByRole('checkbox', { name: 'Line' }))
    await user.click(menu.getByRole('checkbox', { name: 'Type' }))
    await waitFor(() => expect(urlParams().has('cols')).toBe(false))
    expect(headers()).toEqual(['ID', 'Display name', 'Line', 'Released'])
  })

  test('a link with cols hides and shows the columns it names, unknown ones skipped', async () => {
    renderApp('/?cols=-created_at,type,nope,-display_name')
    await findRange(`1–${shownByDefault} of ${shownByDefault}`)
    expect(headers()).toEqual(['ID', 'Display name', 'Line', 'Type'])
    expect(within(rowOf('claude-opus-4-6')).getByText('model')).toBeInTheDocument()
  })
})

describe('detail dialog', () => {
  test('lists the capabilities in plain words', async () => {
    renderApp('/?model=claude-opus-4-5-20251101')
    const dialog = await screen.findByRole('dialog', { name: 'Claude Opus 4.5' })
    await waitFor(() => expect(within(dialog).getByText('Capabilities', { selector: 'dt' })).toBeInTheDocument())
    for (const words of ['Batch API', 'Citations', 'Image input', 'PDF input', 'Extended thinking']) {
      const group = within(dialog).getByRole('list', { name: words })
      expect(within(group).getAllByRole('listitem')[0]).toHaveTextContent(`${words}Supported`)
    }
    expect(within(dialog).getByText('200,000')).toBeInTheDocument()
  })
})
