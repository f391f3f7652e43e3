import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test } from 'vitest'
import { emulateWidth } from '../testing/breakpoints'
import { FiltersDisclosure } from './filters-disclosure'

function renderFilters(activeCount = 0) {
  return render(
    <FiltersDisclosure activeCount={activeCount} search={<input type="search" aria-label="Filter models" />}>
      <label>
        <input type="checkbox" /> Retired
      </label>
    </FiltersDisclosure>,
  )
}

describe('FiltersDisclosure', () => {
  test('on a phone the search stays and the other controls open and close behind Filters', async () => {
    emulateWidth('phone')
    const user = userEvent.setup()
    renderFilters()
    const filters = screen.getByRole('button', { name: 'Filters' })
    expect(screen.getByRole('searchbox', { name: 'Filter models' })).toBeVisible()
    expect(filters).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('checkbox', { name: 'Retired' })).not.toBeInTheDocument()

    await user.click(filters)
    expect(filters).toHaveAttribute('aria-expanded', 'true')
    const panel = screen.getByRole('group', { name: 'Filters' })
    expect(filters).toHaveAttribute('aria-controls', panel.id)
    expect(screen.getByRole('checkbox', { name: 'Retired' })).toBeVisible()

    await user.click(filters)
    expect(filters).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('checkbox', { name: 'Retired' })).not.toBeInTheDocument()
  })

  test('the folded button counts the filters in use, so none is applied unseen', () => {
    emulateWidth('phone')
    renderFilters(2)
    expect(screen.getByRole('button', { name: 'Filters (2)' })).toBeInTheDocument()
  })

  test('from sm up there is no button and every control is on screen', () => {
    emulateWidth('wide')
    renderFilters(1)
    expect(screen.queryByRole('button', { name: /Filters/ })).not.toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Retired' })).toBeVisible()
  })
})
