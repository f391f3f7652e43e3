import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import type { ModelPage } from '../../../contract/model'
import { bffJson } from '../../../testing/bff-server'
import { findRange, nextPageButton, renderApp } from '../../../testing/render-app'
import { describeResults } from './describe-results'

/** The app's one polite live region (components/ui/announcer.tsx). */
function liveRegion(): HTMLElement {
  const regions = document.querySelectorAll<HTMLElement>('[aria-live="polite"]')
  expect(regions).toHaveLength(1)
  return regions[0]!
}

const sortButton = (name: string) =>
  within(within(screen.getByRole('table', { name: 'Models' })).getByRole('columnheader', { name })).getByRole(
    'button',
    { name },
  )

describe('sort and filter results are announced politely', () => {
  test('a sort says what it sorts by, which way, and how many models', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    expect(liveRegion()).toHaveTextContent('')
    await user.click(sortButton('Released'))
    await waitFor(() => expect(liveRegion()).toHaveTextContent('Sorted by Released, oldest first. 137 models.'))
    await user.click(sortButton('Released'))
    await waitFor(() => expect(liveRegion()).toHaveTextContent('Sorted by Released, newest first. 137 models.'))
    await user.click(sortButton('ID'))
    await waitFor(() => expect(liveRegion()).toHaveTextContent('Sorted by ID, A to Z. 137 models.'))
  })

  test('a filter says how many models it leaves, once they are on screen, and none when none match', async () => {
    const matching = await bffJson<ModelPage>('/api/models?q=opus')
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.type(screen.getByRole('searchbox', { name: 'Filter models' }), 'opus')
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent(`Sorted by Released, newest first. ${matching.total} models.`),
    )
    await user.type(screen.getByRole('searchbox', { name: 'Filter models' }), ' zzz')
    await waitFor(() => expect(liveRegion()).toHaveTextContent('Sorted by Released, newest first. No models match.'))
  })

  test('paging says the new range through the same region', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await waitFor(() => expect(liveRegion()).toHaveTextContent('Showing 21–40 of 137.'))
  })
})

describe('describeResults', () => {
  test.each([
    [null, 12, 'Sorted by Released, newest first. 12 models.'],
    ['-max_input_tokens', 1, 'Sorted by Context window, largest first. 1 model.'],
    ['retires_at', 0, 'Sorted by Retires, soonest first. No models match.'],
  ] as const)('%s, %i', (sort, total, text) => {
    expect(describeResults(sort, total)).toBe(text)
  })
})
