import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, test } from 'vitest'
import { DEMO_MODELS } from '../../../fake-upstream/demo-catalogue'
import { fake } from '../../../testing/bff-server'
import { renderApp, rowIds, urlParams } from '../../../testing/render-app'

const compare = () => screen.getByRole('region', { name: 'Compare models' })
const rowOf = (label: string) =>
  within(compare())
    .queryByRole('rowheader', { name: new RegExp(`^${label}`) })
    ?.closest('tr')

/** Each model's value in a row, without the id the stacked layout puts before it. */
const valuesOf = (label: string) =>
  [...(rowOf(label)?.querySelectorAll('td') ?? [])].map((cell) =>
    (cell.textContent ?? '').replace(`${cell.dataset.label}:`, ''),
  )

beforeEach(() => fake.setModels(DEMO_MODELS))

describe('compare', () => {
  test('a shared link compares the models side by side, differences marked, and can show only those', async () => {
    const { user } = renderApp('/?compare=claude-opus-4-6,claude-sonnet-4-6,claude-haiku-4-5-20251001')
    await screen.findByRole('region', { name: 'Compare models' })
    await waitFor(() => expect(valuesOf('Line')).toEqual(['Opus', 'Sonnet', 'Haiku']))
    expect(rowOf('Line')).toHaveAttribute('data-differs', 'true')
    expect(rowOf('Line')).toHaveTextContent('(differs)')
    expect(rowOf('Batch API')).not.toHaveAttribute('data-differs')
    expect(valuesOf('Adaptive thinking')).toEqual(['Supported', 'Supported', 'Not supported'])
    expect(valuesOf('Context window')).toEqual(['1,000,000', '1,000,000', '200,000'])

    await user.click(within(compare()).getByRole('checkbox', { name: 'Only differences' }))
    expect(rowOf('Batch API')).toBeUndefined()
    expect(rowOf('Line')).toBeDefined()
    for (const row of within(compare()).getAllByRole('row').slice(1))
      expect(row).toHaveAttribute('data-differs', 'true')
  })

  test('a deprecated model shows its countdown and the newest active model of its line as a suggestion', async () => {
    renderApp('/?compare=claude-sonnet-4-5-20250929,claude-2.0,claude-opus-4-6')
    await screen.findByRole('region', { name: 'Compare models' })
    await waitFor(() =>
      expect(valuesOf('Suggested replacement')).toEqual(['claude-sonnet-5-5 (suggestion)', 'None (no line)', '—']),
    )
    expect(valuesOf('Retires')[0]).toMatch(
      /^30 Nov 2026 \((in \d+ days|tomorrow|Retires today|Retirement overdue: it was due .+)\)$/,
    )
    expect(valuesOf('Retires')[1]).toMatch(/^21 Jul 2025 \(Retired \d+ days ago\)$/)
  })

  test('an unknown or removed id is shown as such, the others still compared', async () => {
    renderApp('/?compare=claude-opus-4-6,claude-no-such-model,no such/model')
    const models = within(await screen.findByRole('list', { name: 'Compared models' }))
    // Neither listed: one the upstream does not know, one no lookup could even send on.
    for (const id of ['claude-no-such-model', 'no such/model']) {
      await waitFor(() =>
        expect(models.getByText(id).closest('li')).toHaveTextContent('Not in this catalogue (unknown or removed)'),
      )
    }
    await waitFor(() => expect(valuesOf('Display name')).toEqual(['Claude Opus 4.6', '—', '—']))
  })

  test('Compare in the dialog adds the model; Remove and Close take models out, in the URL', async () => {
    const { user } = renderApp('/?model=claude-opus-4-6&compare=claude-sonnet-4-6')
    const dialog = await screen.findByRole('dialog', { name: 'Claude Opus 4.6' })
    await user.click(within(dialog).getByRole('button', { name: 'Compare with 1 chosen' }))
    await waitFor(() => expect(urlParams().get('compare')).toBe('claude-sonnet-4-6,claude-opus-4-6'))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(valuesOf('Display name')).toEqual(['Claude Sonnet 4.6', 'Claude Opus 4.6']))

    await user.click(within(compare()).getByRole('button', { name: 'Remove claude-sonnet-4-6 from the comparison' }))
    await waitFor(() => expect(urlParams().get('compare')).toBe('claude-opus-4-6'))
    expect(within(compare()).getByText('Add another model to compare (2 to 4).')).toBeInTheDocument()
    await user.click(within(compare()).getByRole('button', { name: 'Close comparison' }))
    await waitFor(() => expect(urlParams().has('compare')).toBe(false))
    expect(screen.queryByRole('region', { name: 'Compare models' })).not.toBeInTheDocument()
  })

  test("each row's Compare box adds its model to compare= and to Compare (N); at four, the others wait", async () => {
    const { user } = renderApp()
    await waitFor(() => expect(rowIds().filter(Boolean).length).toBeGreaterThan(5))
    const ids = rowIds().slice(0, 5)
    await user.click(screen.getByRole('checkbox', { name: `Compare ${ids[0]}` }))
    await waitFor(() => expect(urlParams().get('compare')).toBe(ids[0]))
    const bar = within(screen.getByRole('region', { name: 'Models chosen to compare' }))
    expect(bar.getByRole('button', { name: 'Compare (1)' })).toBeDisabled()
    expect(bar.getByText('1 model chosen: choose another to compare (2 to 4).')).toBeInTheDocument()

    for (const id of ids.slice(1, 4)) await user.click(screen.getByRole('checkbox', { name: `Compare ${id}` }))
    await waitFor(() => expect(urlParams().get('compare')).toBe(ids.slice(0, 4).join(',')))
    expect(screen.getByRole('checkbox', { name: `Compare ${ids[4]}` })).toBeDisabled()
    await waitFor(() => expect(valuesOf('ID')).toEqual(ids.slice(0, 4)))

    await user.click(bar.getByRole('button', { name: 'Compare (4)' }))
    expect(compare()).toHaveFocus()

    await user.click(screen.getByRole('checkbox', { name: `Compare ${ids[1]}` }))
    await waitFor(() => expect(urlParams().get('compare')).toBe([ids[0], ids[2], ids[3]].join(',')))
    expect(screen.getByRole('checkbox', { name: `Compare ${ids[4]}` })).toBeEnabled()
    await user.click(bar.getByRole('button', { name: 'Clear' }))
    await waitFor(() => expect(urlParams().has('compare')).toBe(false))
    expect(screen.queryByRole('region', { name: 'Models chosen to compare' })).not.toBeInTheDocument()
  })

  test('every field the upstream sends is compared: type, fields and capabilities the dashboard does not know', async () => {
    fake.setModels(
      DEMO_MODELS.map((model) =>
        model.id === 'claude-opus-4-6'
          ? {
              ...model,
              speed_tier: '<b>priority</b>',
              pricing: { input_per_mtok: 5 },
              capabilities: { ...model.capabilities!, audio_input: { supported: true } },
            }
          : model,
      ),
    )
    renderApp('/?compare=claude-opus-4-6,claude-sonnet-4-6')
    await screen.findByRole('region', { name: 'Compare models' })
    await waitFor(() => expect(valuesOf('speed_tier')).toEqual(['<b>priority</b>', '—']))
    // As text, never markup.
    expect(compare().querySelector('b')).toBeNull()
    expect(valuesOf('pricing')).toEqual(['{"input_per_mtok":5}', '—'])
    expect(valuesOf('Audio input')).toEqual(['Supported', '—'])
    expect(valuesOf('Type')).toEqual(['model', 'model'])
    expect(rowOf('speed_tier')).toHaveAttribute('data-differs', 'true')
  })

  test('a compared id the upstream lists that no lookup could send on still compares', async () => {
    const odd = { ...DEMO_MODELS[0]!, id: 'claude odd/id,with comma', display_name: 'Odd one' }
    fake.setModels([odd, ...DEMO_MODELS])
    const { user } = renderApp()
    await user.click(await screen.findByRole('checkbox', { name: `Compare ${odd.id}` }))
    await user.click(screen.getByRole('checkbox', { name: 'Compare claude-opus-4-6' }))
    await waitFor(() => expect(valuesOf('Display name')).toEqual(['Odd one', 'Claude Opus 4.6']))
    expect(urlParams().get('compare')).toBe('claude odd/id%2Cwith comma,claude-opus-4-6')
  })

  test('a link with more than four ids compares the first four', async () => {
    const five = DEMO_MODELS.slice(0, 5).map((model) => model.id)
    renderApp(`/?compare=${five.join(',')}`)
    const models = within(await screen.findByRole('list', { name: 'Compared models' }))
    expect(models.getAllByRole('listitem')).toHaveLength(4)
  })
})
