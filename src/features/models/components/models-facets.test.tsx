import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { bffJson, bffRequests } from '../../../testing/bff-server'
import { findRange, listRequests, renderApp, rowIds, urlParams } from '../../../testing/render-app'

const lineFacet = () => within(screen.getByRole('group', { name: 'Line' }))
const table = () => screen.getByRole('table', { name: 'Models' })

async function expectRowsOf(search: string) {
  const expected = await bffJson<ModelPage>(`/api/models?${search}`)
  expect(expected.total).toBeGreaterThan(0)
  await findRange(`1–${Math.min(20, expected.total)} of ${expected.total}`)
  await waitFor(() => expect(rowIds()).toEqual(expected.data.map((model) => model.id)))
}

describe('facets', () => {
  test('the Line facet asks the BFF for the lines ticked, No line as line=none, and keeps them in the URL', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(lineFacet().getByRole('checkbox', { name: 'Opus' }))
    await user.click(lineFacet().getByRole('checkbox', { name: 'No line' }))
    await waitFor(() => expect(urlParams().get('line')).toBe('opus,none'))
    expect(listRequests(bffRequests).at(-1)?.get('line')).toBe('none,opus')
    await expectRowsOf('line=none,opus')

    // Every line off is no line filter: the whole list again, and the URL without it.
    await user.click(lineFacet().getByRole('checkbox', { name: 'Opus' }))
    await user.click(lineFacet().getByRole('checkbox', { name: 'No line' }))
    await waitFor(() => expect(urlParams().has('line')).toBe(false))
    await findRange('1–20 of 137')
  })

  test('a shared link with caps, min_context and retiring_within shows those facets chosen and their rows', async () => {
    const { user } = renderApp('/?caps=thinking.types.adaptive,pdf_input&min_context=500000&retiring_within=3650')
    await expectRowsOf('caps=pdf_input,thinking.types.adaptive&min_context=500000&retiring_within=3650')
    expect(screen.getByRole('checkbox', { name: 'PDF input' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Adaptive thinking' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Batch API' })).not.toBeChecked()
    expect(screen.getByRole('combobox', { name: 'Context window' })).toHaveDisplayValue('≥ 500K tokens')
    // Not a preset: offered as the link gave it.
    expect(screen.getByRole('combobox', { name: 'Retiring' })).toHaveDisplayValue('Within 3650 days')

    await user.click(screen.getByRole('checkbox', { name: 'Adaptive thinking' }))
    await waitFor(() => expect(urlParams().get('caps')).toBe('pdf_input'))
    await expectRowsOf('caps=pdf_input&min_context=500000&retiring_within=3650')
  })

  test('the context and retiring presets go into the URL under the BFF names, from the first page', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Context window' }), '≥ 200K tokens')
    await waitFor(() => expect(urlParams().get('min_context')).toBe('200000'))
    await expectRowsOf('min_context=200000')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Retiring' }), 'Within 90 days')
    await waitFor(() => expect(urlParams().get('retiring_within')).toBe('90'))
    expect(listRequests(bffRequests).at(-1)?.get('retiring_within')).toBe('90')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Retiring' }), 'Any time or never')
    await waitFor(() => expect(urlParams().has('retiring_within')).toBe(false))
  })

  test('a link with a value the BFF would refuse reads as no filter', async () => {
    renderApp('/?caps=thinking.types&min_context=0&line=Opus')
    await findRange('1–20 of 137')
    expect(listRequests(bffRequests).every((search) => !search.has('caps') && !search.has('min_context'))).toBe(true)
  })

  test('the Line column, shown by default, names the line, and says so when a model has none', async () => {
    renderApp('/?line=opus,none')
    await expectRowsOf('line=none,opus')
    expect(within(table()).getAllByRole('columnheader')[2]).toHaveTextContent('Line')
    const cells = within(table())
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[2]?.textContent)
    expect(new Set(cells)).toEqual(new Set(['Opus', 'No line']))
  })

  test('a shared link with a line this dashboard does not know keeps it, asks the BFF for it, and can drop it', async () => {
    const { user } = renderApp('/?line=aurora,opus')
    // The upstream has no aurora line today: only Opus models match, and the link is left as it was sent.
    await expectRowsOf('line=aurora,opus')
    expect(listRequests(bffRequests).at(-1)?.get('line')).toBe('aurora,opus')
    expect(urlParams().get('line')).toBe('aurora,opus')
    const aurora = lineFacet().getByRole('checkbox', { name: 'aurora (from the link, not a known line)' })
    expect(aurora).toBeChecked()
    expect(lineFacet().getByRole('checkbox', { name: 'Opus' })).toBeChecked()

    await user.click(aurora)
    await waitFor(() => expect(urlParams().get('line')).toBe('opus'))
    expect(lineFacet().queryByRole('checkbox', { name: /aurora/ })).not.toBeInTheDocument()
    await expectRowsOf('line=opus')
  })

  test('a link with only an unknown line says nothing matches, and Clear all filters brings the catalogue back', async () => {
    const { user } = renderApp('/?line=aurora')
    expect(await screen.findByText('No models match with the filters chosen.')).toBeInTheDocument()
    expect(listRequests(bffRequests).at(-1)?.get('line')).toBe('aurora')
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }))
    await waitFor(() => expect(urlParams().has('line')).toBe(false))
    await findRange('1–20 of 137')
  })
})
