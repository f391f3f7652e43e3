import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, renderApp, rowIds, urlParams, waitUntilSettled } from '../../../testing/render-app'

// Hidden too: behind an open dialog the page is aria-hidden.
const filterBox = () => screen.getByRole('searchbox', { name: 'Filter models', hidden: true })

describe('keyboard shortcuts', () => {
  test('"?" opens the list of shortcuts, Esc closes it and focus returns', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' })
    opener.focus()
    await user.keyboard('?')
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const does of ['Focus the filter', 'Next page', 'Previous page', 'Show this list', 'Close a dialog']) {
      expect(within(dialog).getByText(does)).toBeInTheDocument()
    }
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(opener).toHaveFocus()
  })

  test('the Keyboard shortcuts button opens the same list', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument()
  })

  test('"n" and "p" go to the next and previous page, and do nothing at either end', async () => {
    const { user } = renderApp('/?limit=50')
    await findRange('1–50 of 137')
    await waitUntilSettled()
    await user.keyboard('p')
    expect(urlParams().has('before_id')).toBe(false)
    await user.keyboard('n')
    await findRange('51–100 of 137')
    expect(rowIds()).toEqual(TEST_CATALOGUE.slice(50, 100).map((model) => model.id))
    await waitUntilSettled()
    await user.keyboard('n')
    await findRange('101–137 of 137')
    await waitUntilSettled()
    const url = window.location.href
    await user.keyboard('n')
    expect(window.location.href).toBe(url)
    await user.keyboard('p')
    await findRange('51–100 of 137')
  })

  test('shortcuts never fire while typing in a field, with a modifier, or with a dialog open', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await waitUntilSettled()
    await user.click(filterBox())
    await user.keyboard('np?')
    expect(filterBox()).toHaveValue('np?')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await user.clear(filterBox())
    await findRange('1–20 of 137')

    await user.type(await screen.findByRole('textbox', { name: 'Check a model id' }), 'n/p')
    expect(filterBox()).not.toHaveFocus()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '20')
    await user.keyboard('n')

    ;(document.activeElement as HTMLElement).blur()
    await user.keyboard('{Control>}n{/Control}{Alt>}p{/Alt}{Meta>}/{/Meta}')
    expect(filterBox()).not.toHaveFocus()
    expect(urlParams().has('after_id')).toBe(false)

    await user.keyboard('?')
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    await user.keyboard('n/')
    expect(urlParams().has('after_id')).toBe(false)
    expect(filterBox()).not.toHaveFocus()
    await findRange('1–20 of 137')
  })

  test('"n" and "p" page while a checkbox or a button has focus: only text fields keep the letters', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await waitUntilSettled()
    screen.getByRole('checkbox', { name: 'Active' }).focus()
    await user.keyboard('n')
    await findRange('21–40 of 137')
    await waitUntilSettled()
    screen.getByRole('button', { name: 'Keyboard shortcuts' }).focus()
    await user.keyboard('p')
    await findRange('1–20 of 137')
  })

  test('focus moves to the other paging button when the one it was on becomes disabled', async () => {
    const { user } = renderApp('/?limit=50')
    await findRange('1–50 of 137')
    await waitUntilSettled()
    const next = screen.getByRole('button', { name: 'Next page' })
    const previous = screen.getByRole('button', { name: 'Previous page' })
    await user.click(next)
    await findRange('51–100 of 137')
    await waitUntilSettled()
    await user.click(next)
    await findRange('101–137 of 137')
    await waitFor(() => expect(next).toBeDisabled())
    expect(previous).toHaveFocus()

    await user.click(previous)
    await findRange('51–100 of 137')
    await waitUntilSettled()
    expect(previous).toHaveFocus()
    await user.click(previous)
    await findRange('1–50 of 137')
    await waitFor(() => expect(previous).toBeDisabled())
    expect(next).toHaveFocus()
  })

  test('the shortcuts dialog gives focus back to its opener when closed by its Close button', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' })
    await user.click(opener)
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    await user.click(within(dialog).getByRole('button', { name: /Close/ }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(opener).toHaveFocus()
  })
})

describe('keyboard paths', () => {
  test('the first Tab stop is a skip link that moves focus to the table', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await user.tab()
    const skip = screen.getByRole('link', { name: 'Skip to the table' })
    expect(skip).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('table', { name: 'Models' })).toHaveFocus()
    expect(window.location.hash).toBe('')
  })

  test("each row's copy button is named with its model", async () => {
    renderApp()
    await findRange('1–20 of 137')
    const names = screen
      .getAllByRole('button', { name: /^Copy ID / })
      .map((button) => button.getAttribute('aria-label'))
    expect(names).toEqual(TEST_CATALOGUE.slice(0, 20).map((model) => `Copy ID ${model.id}`))
  })
})
