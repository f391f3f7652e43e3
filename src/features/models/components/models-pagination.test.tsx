import { screen, waitFor } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { bffRequests, holdBffAnswers, TEST_CATALOGUE } from '../../../testing/bff-server'
import {
  findRange,
  listRequests,
  nextPageButton,
  previousPageButton,
  renderApp,
  rowIds,
  urlParams,
} from '../../../testing/render-app'

const ids = TEST_CATALOGUE.map((model) => model.id)

const requestsWith = (name: string, value: string | undefined) =>
  listRequests(bffRequests).filter((search) => search.get(name) === value)

describe('cursor pages', () => {
  test('the first page shows 20 models in the API order, one row each, with the range in the view', async () => {
    renderApp()
    await findRange('1–20 of 137')
    expect(rowIds()).toEqual(ids.slice(0, 20))
    expect(previousPageButton()).toBeDisabled()
    expect(nextPageButton()).toBeEnabled()
  })

  test('the next page is prefetched once the current one is on screen, so Next makes no request', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    await waitFor(() => expect(requestsWith('after_id', ids[19])).toHaveLength(1))

    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    expect(rowIds()).toEqual(ids.slice(20, 40))
    await waitFor(() => expect(urlParams().get('after_id')).toBe(ids[19]))
    expect(requestsWith('after_id', ids[19])).toHaveLength(1)
  })

  test('walking every page forward and back shows each model once, and going back makes no request', async () => {
    const { user } = renderApp('/?limit=50')
    await findRange('1–50 of 137')
    const seen = rowIds()
    await user.click(nextPageButton())
    await findRange('51–100 of 137')
    seen.push(...rowIds())
    await user.click(nextPageButton())
    await findRange('101–137 of 137')
    seen.push(...rowIds())
    expect(seen).toEqual(ids)
    expect(nextPageButton()).toBeDisabled()

    const requestsBeforeGoingBack = bffRequests.length
    await user.click(previousPageButton())
    await findRange('51–100 of 137')
    expect(rowIds()).toEqual(ids.slice(50, 100))
    await user.click(previousPageButton())
    await findRange('1–50 of 137')
    expect(rowIds()).toEqual(ids.slice(0, 50))
    expect(bffRequests.slice(requestsBeforeGoingBack)).toEqual([])
    await waitFor(() => expect(urlParams().toString()).toBe('limit=50'))
  })

  test('a link that starts in the middle shows its range and goes back through before_id', async () => {
    const { user } = renderApp(`/?after_id=${ids[39]}`)
    await findRange('41–60 of 137')
    expect(rowIds()).toEqual(ids.slice(40, 60))

    await user.click(previousPageButton())
    await findRange('21–40 of 137')
    expect(rowIds()).toEqual(ids.slice(20, 40))
    expect(requestsWith('before_id', ids[40])).toHaveLength(1)
    await waitFor(() => expect(urlParams().get('before_id')).toBe(ids[40]))

    await user.click(previousPageButton())
    await findRange('1–20 of 137')
    expect(rowIds()).toEqual(ids.slice(0, 20))
    expect(previousPageButton()).toBeDisabled()
  })

  test('a link with before_id shows the page right before that model', async () => {
    renderApp(`/?before_id=${ids[60]}`)
    await findRange('41–60 of 137')
    expect(rowIds()).toEqual(ids.slice(40, 60))
  })

  test('paging pushes a history entry, so Back shows the page before', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    const length = window.history.length
    await user.click(nextPageButton())
    await findRange('21–40 of 137')
    await waitFor(() => expect(window.history.length).toBe(length + 1))

    window.history.back()
    await findRange('1–20 of 137')
    expect(rowIds()).toEqual(ids.slice(0, 20))
    expect(urlParams().has('after_id')).toBe(false)
  })

  test('while a page loads, the rows on screen stay (no blank flash) and the table says it is busy', async () => {
    const { user, queryClient } = renderApp()
    await findRange('1–20 of 137')
    await waitFor(() => expect(requestsWith('after_id', ids[19])).toHaveLength(1))
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    const release = holdBffAnswers()
    await user.click(nextPageButton())
    await findRange('21–40 of 137')

    // Page 3 is on its way (its prefetch is held at the server): page 2 stays, dimmed, until it comes.
    await user.click(nextPageButton())
    expect(rowIds()).toEqual(ids.slice(20, 40))
    expect(screen.getByRole('table', { name: 'Models' })).toHaveAttribute('aria-busy', 'true')
    release()
    await findRange('41–60 of 137')
    expect(rowIds()).toEqual(ids.slice(40, 60))
    expect(screen.getByRole('table', { name: 'Models' })).toHaveAttribute('aria-busy', 'false')
  })

  test('a page far from those loaded (history, or a pasted cursor) loads on its own and can page from there', async () => {
    const { user } = renderApp()
    await findRange('1–20 of 137')
    window.history.pushState(null, '', `/?after_id=${ids[99]}`)
    window.dispatchEvent(new PopStateEvent('popstate'))
    await findRange('101–120 of 137')
    expect(rowIds()).toEqual(ids.slice(100, 120))
    await user.click(previousPageButton())
    await findRange('81–100 of 137')
    expect(rowIds()).toEqual(ids.slice(80, 100))
  })

  test('memory is bounded: after more pages than are kept, going back fetches the dropped ones again', async () => {
    const { user } = renderApp('/?limit=10')
    await findRange('1–10 of 137')
    for (let start = 10; start < 137; start += 10) {
      await user.click(nextPageButton())
      await findRange(`${start + 1}–${Math.min(start + 10, 137)} of 137`)
    }
    const requestsAtTheEnd = bffRequests.length
    for (let start = 120; start >= 0; start -= 10) {
      await user.click(previousPageButton())
      await findRange(`${start + 1}–${start + 10} of 137`)
      expect(rowIds()).toEqual(ids.slice(start, start + 10))
    }
    // Ten pages are kept: the first few had to come back through before_id.
    const refetched = listRequests(bffRequests.slice(requestsAtTheEnd))
    expect(refetched.length).toBeGreaterThan(0)
    expect(refetched.every((search) => search.has('before_id'))).toBe(true)
  })
})
