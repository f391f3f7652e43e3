import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { DEMO_MODELS } from '../../../fake-upstream/demo-catalogue'
import { fake } from '../../../testing/bff-server'
import { renderApp, urlParams } from '../../../testing/render-app'

const rowIn = (list: HTMLElement, label: string) =>
  within(list)
    .getAllByRole('listitem')
    .find((item) => item.firstElementChild?.textContent === label)!

async function openDialog(id: string, name: string) {
  const view = renderApp(`/?model=${id}&lifecycle=active,deprecated,retired`)
  const dialog = await screen.findByRole('dialog', { name })
  await waitFor(() => expect(within(dialog).queryByText('Loading the latest details…')).not.toBeInTheDocument())
  return { ...view, dialog }
}

beforeEach(() => {
  // Only the clock: timers stay real, so the page's debounce and user events run as usual.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-10T12:00:00Z'))
  fake.setModels(DEMO_MODELS)
})
afterEach(() => vi.useRealTimers())

describe('the dialog: capabilities', () => {
  test('shows the whole capability tree as grouped rows in words, every leaf supported or not', async () => {
    const { dialog } = await openDialog('claude-opus-4-5-20251101', 'Claude Opus 4.5')
    const thinking = within(dialog).getByRole('list', { name: 'Extended thinking' })
    expect(rowIn(thinking, 'Extended thinking')).toHaveTextContent('Supported')
    expect(rowIn(thinking, 'Adaptive thinking')).toHaveTextContent('Not supported')
    expect(rowIn(thinking, 'Thinking between tool calls')).toHaveTextContent('Supported')
    const effort = within(dialog).getByRole('list', { name: 'Effort parameter' })
    expect(rowIn(effort, 'High effort')).toHaveTextContent('Supported')
    expect(rowIn(effort, 'Extra-high effort')).toHaveTextContent('Not supported')
    const tools = within(dialog).getByRole('list', { name: 'Server tools' })
    expect(rowIn(tools, 'Web search tool')).toHaveTextContent('Supported')
    // 24 rows: every group and leaf of the pinned SDK's tree.
    expect(
      within(dialog)
        .getAllByRole('list')
        .flatMap((list) => within(list).getAllByRole('listitem')),
    ).toHaveLength(24)
    for (const raw of ['between_tools', 'clear_thinking_20251015', 'xhigh', 'structured_outputs']) {
      expect(dialog).not.toHaveTextContent(raw)
    }
    expect(within(dialog).getByText('Opus', { selector: 'dd span' })).toBeInTheDocument()
  })

  test('a capability or field newer than the dashboard, at any depth, gets a row in words, its value as text', async () => {
    fake.setModels(
      DEMO_MODELS.map((model) =>
        model.id === 'claude-opus-4-6'
          ? {
              ...model,
              speed_tier: '<img src=x onerror=alert(1)>',
              capabilities: {
                ...model.capabilities!,
                effort: { ...model.capabilities!.effort!, ultra: { supported: true } },
                audio_input_20270101: { supported: false },
                batch: { supported: true, max_requests: 100_000 },
              },
            }
          : model,
      ),
    )
    const { dialog } = await openDialog('claude-opus-4-6', 'Claude Opus 4.6')
    const newer = within(dialog).getByRole('list', { name: 'Newer capabilities' })
    expect(rowIn(newer, 'Effort parameter › Ultra')).toHaveTextContent('Supported')
    expect(rowIn(newer, 'Audio input')).toHaveTextContent('Not supported')
    expect(rowIn(newer, 'Batch API › Max requests')).toHaveTextContent('100000')
    expect(within(dialog).getByText('speed_tier')).toBeInTheDocument()
    expect(within(dialog).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument()
    expect(dialog.querySelector('img')).toBeNull()
  })

  test('a null leaf reads "—" (not stated), not "Not supported"', async () => {
    const { dialog } = await openDialog('claude-2.0', 'Claude 2.0')
    const context = within(dialog).getByRole('list', { name: 'Context management' })
    expect(rowIn(context, 'Compaction')).toHaveTextContent('—')
    expect(rowIn(context, 'Compaction')).toHaveTextContent('Not stated')
    expect(rowIn(context, 'Context management')).toHaveTextContent('Not supported')
  })
})

describe('the dialog: retirement planning', () => {
  test('a deprecated model shows its dates, a countdown in days and the newest active model of its line as a suggestion', async () => {
    const { dialog, user } = await openDialog('claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5')
    const plan = within(dialog).getByRole('region', { name: 'Retirement planning' })
    expect(plan).toHaveTextContent('Deprecated 31 Aug 2026; retires 30 Nov 2026 — in 20 days')
    expect(plan).toHaveTextContent('Suggested replacement (the newest active model of the same line)')
    const suggestion = await within(plan).findByRole('button', { name: 'claude-sonnet-5-5' })
    await user.click(suggestion)
    await screen.findByRole('dialog', { name: 'Claude Sonnet 5.5' })
    await waitFor(() => expect(urlParams().get('model')).toBe('claude-sonnet-5-5'))
    expect(screen.queryByRole('region', { name: 'Retirement planning' })).not.toBeInTheDocument()
  })

  test('a deprecated model past its date is overdue', async () => {
    vi.setSystemTime(new Date('2026-12-05T12:00:00Z'))
    const { dialog } = await openDialog('claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5')
    const overdue = within(within(dialog).getByRole('region', { name: 'Retirement planning' })).getByText(/overdue/)
    expect(overdue).toHaveTextContent('Retirement overdue: it was due 5 days ago')
    expect(overdue).toHaveAttribute('data-overdue', 'true')
  })

  test('a retired model without a line gets no suggestion: a line is never guessed from the id', async () => {
    const { dialog } = await openDialog('claude-2.0', 'Claude 2.0')
    const plan = within(dialog).getByRole('region', { name: 'Retirement planning' })
    expect(plan).toHaveTextContent('retired 21 Jul 2025 — Retired 477 days ago')
    expect(plan).toHaveTextContent('No suggested replacement')
    expect(within(plan).queryByRole('button')).not.toBeInTheDocument()
  })
})

describe('the dialog: use this model', () => {
  test('offers curl, TypeScript and Python snippets with the id, each copied whole', async () => {
    const { dialog, user } = await openDialog('claude-opus-4-6', 'Claude Opus 4.6')
    await user.click(within(dialog).getByText('Use this model'))
    const curl = within(dialog).getByRole('figure', { name: 'curl' })
    expect(curl).toHaveTextContent(`-d '{"model":"claude-opus-4-6","max_tokens":1024`)
    expect(within(dialog).getByRole('figure', { name: 'TypeScript SDK' })).toHaveTextContent(
      'model: "claude-opus-4-6",',
    )
    const python = within(dialog).getByRole('figure', { name: 'Python SDK' })
    expect(python).toHaveTextContent('model="claude-opus-4-6",')
    await user.click(within(python).getByRole('button', { name: 'Copy Python SDK' }))
    const copied = await window.navigator.clipboard.readText()
    expect(copied).toContain(
      'client = anthropic.Anthropic()\nmessage = client.messages.create(\n    model="claude-opus-4-6",',
    )
  })
})
