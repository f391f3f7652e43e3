import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { errorBody } from '../../../contract/api-error'
import { MAX_CHANGES_LIMIT, type SeenAnswer, type SeenModel } from '../../../contract/history'
import { server, TEST_CATALOGUE } from '../../../testing/bff-server'
import { findRange, renderApp } from '../../../testing/render-app'
import { MAX_SEEN_PAGES, NEW_FOR_DAYS, SEEN_PAGE_SIZE } from '../api/get-seen'

const DAY_MS = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()

function seenModel(id: string, changes: Partial<SeenModel> = {}): SeenModel {
  return {
    model_id: id,
    display_name: id.toUpperCase(),
    first_seen: ago(2),
    baseline: false,
    last_seen: ago(0),
    removed_at: null,
    ...changes,
  }
}

/**
 * The queries of the last walk through the pages of one `since`: a query that
 * loses its last observer is cancelled and asked again, as React's strict mode does
 * on mount; what counts is the walk that finished.
 */
function lastWalk(asked: readonly URLSearchParams[], since: string): URLSearchParams[] {
  const walk = asked.filter((search) => search.get('since') === since)
  const start = walk.findLastIndex((search) => search.get('after_id') === null)
  return walk.slice(start)
}

/**
 * /api/seen answering from `pages` in turn, each page's cursor the one the
 * previous page ended at (as the server pages by id); the page after the last
 * is asked for only if the last said has_more. Returns the queries it was asked.
 */
function seenPages(pages: SeenModel[][], hasMoreAfterLast = false): URLSearchParams[] {
  const asked: URLSearchParams[] = []
  server.use(
    http.get('*/api/seen', ({ request }) => {
      const search = new URL(request.url).searchParams
      asked.push(search)
      const after = search.get('after_id')
      const index = after === null ? 0 : pages.findIndex((page) => page.at(-1)?.model_id === after) + 1
      const data = pages[index] ?? []
      const answer: SeenAnswer = {
        workspace: 'default',
        history_started_at: ago(30),
        last_walk_at: ago(0),
        catalogue_error: null,
        data,
        first_id: data[0]?.model_id ?? null,
        last_id: data.at(-1)?.model_id ?? null,
        has_more: index < pages.length - 1 || hasMoreAfterLast,
      }
      return HttpResponse.json(answer)
    }),
  )
  return asked
}

const table = () => screen.getByRole('table', { name: 'Models' })
const rowOf = (id: string) =>
  [...table().querySelectorAll('tbody > tr')].find((row) => row.querySelector('td')?.textContent === id) as HTMLElement

describe('the "New" badge over pages of /api/seen', () => {
  test('asks for pages as large as the server gives', () => {
    expect(SEEN_PAGE_SIZE).toBe(MAX_CHANGES_LIMIT)
  })

  test('follows the pages (since 14 days ago, the most a page, each after the last) and badges models of every page', async () => {
    const [first, second] = [TEST_CATALOGUE[0]!.id, TEST_CATALOGUE[1]!.id]
    // Short pages, as the server ends a page of long names early.
    const asked = seenPages([[seenModel('aaa-filler')], [seenModel(first)], [seenModel(second)]])
    renderApp()
    await findRange('1–20 of 137')
    await waitFor(() => expect(within(rowOf(second)).getByText('New')).toBeInTheDocument())
    expect(within(rowOf(first)).getByText('New')).toBeInTheDocument()
    expect(within(rowOf(TEST_CATALOGUE[2]!.id)).queryByText('New')).not.toBeInTheDocument()
    const since = ago(NEW_FOR_DAYS).slice(0, 10)
    const walk = lastWalk(asked, since)
    expect(walk.map((search) => search.get('after_id'))).toEqual([null, 'aaa-filler', first])
    for (const search of walk) expect(search.get('limit')).toBe(String(SEEN_PAGE_SIZE))
    expect(screen.queryByText(/“New” badges may be missing/)).not.toBeInTheDocument()
  })

  test(`stops after ${MAX_SEEN_PAGES} pages and says some badges may be missing, keeping those it has`, async () => {
    const pages = Array.from({ length: MAX_SEEN_PAGES + 3 }, (_, index) => [
      seenModel(index === 1 ? TEST_CATALOGUE[0]!.id : `filler-${index}`),
    ])
    const asked = seenPages(pages)
    renderApp()
    await findRange('1–20 of 137')
    expect(
      await screen.findByText(
        `Some “New” badges may be missing: more models came or went in the last ${NEW_FOR_DAYS} days than the ${MAX_SEEN_PAGES} loaded`,
      ),
    ).toBeInTheDocument()
    expect(within(rowOf(TEST_CATALOGUE[0]!.id)).getByText('New')).toBeInTheDocument()
    expect(lastWalk(asked, ago(NEW_FOR_DAYS).slice(0, 10))).toHaveLength(MAX_SEEN_PAGES)
  })

  test('a failed page shows no badges and no error on the list, as without a history', async () => {
    let calls = 0
    server.use(
      http.get('*/api/seen', () => {
        calls += 1
        return HttpResponse.json(errorBody('api_error', 'The catalogue history is unavailable: disk full.'), {
          status: 503,
        })
      }),
    )
    renderApp()
    await findRange('1–20 of 137')
    await waitFor(() => expect(calls).toBeGreaterThan(0))
    expect(screen.queryByText('New')).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})

describe('removed models in the Changes view over pages of /api/seen', () => {
  const gone = (id: string, daysAgo: number) => seenModel(id, { baseline: true, removed_at: ago(daysAgo) })

  test('lists the removed models of every page, the latest removal first', async () => {
    seenPages([[gone('claude-a', 5), seenModel('claude-b')], [gone('claude-c', 1)], [gone('claude-d', 3)]])
    renderApp('/?view=changes')
    const list = await screen.findByRole('list', { name: 'Removed models' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['CLAUDE-C', 'CLAUDE-D', 'CLAUDE-A'])
    expect(screen.getByText('3 of 3 removed models')).toBeInTheDocument()
    expect(screen.queryByText(/Only the first/)).not.toBeInTheDocument()
  })

  test(`past ${MAX_SEEN_PAGES} pages, says only part of the history was searched rather than that nothing else left`, async () => {
    const asked = seenPages(
      Array.from({ length: MAX_SEEN_PAGES }, (_, index) => [gone(`claude-gone-${index}`, index + 1)]),
      true,
    )
    renderApp('/?view=changes&since=2026-01-01')
    // Pages of one record, as long names make them: the words count the models loaded, not pages times 1,000.
    const notice = await screen.findByText(`Only the first ${MAX_SEEN_PAGES} models that came or went were searched`)
    expect(notice.closest('[role="status"]')).toHaveTextContent(/since 1 Jan 2026.*Pick a later “Changes since” day/)
    expect(screen.getByText(`${MAX_SEEN_PAGES} of ${MAX_SEEN_PAGES} removed models`)).toBeInTheDocument()
    expect(lastWalk(asked, '2026-01-01')).toHaveLength(MAX_SEEN_PAGES)
  })

  test('a page that fails after the first is an error with Retry, never a partial list called complete', async () => {
    let calls = 0
    server.use(
      http.get('*/api/seen', () => {
        calls += 1
        if (calls === 1) {
          return HttpResponse.json({
            workspace: 'default',
            history_started_at: ago(30),
            last_walk_at: ago(0),
            catalogue_error: null,
            data: [gone('claude-a', 2)],
            first_id: 'claude-a',
            last_id: 'claude-a',
            has_more: true,
          } satisfies SeenAnswer)
        }
        return HttpResponse.json(errorBody('api_error', 'The catalogue history is unavailable: disk full.'), {
          status: 503,
        })
      }),
    )
    renderApp('/?view=changes')
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 })
    expect(alert).toHaveTextContent('The catalogue history is unavailable: disk full.')
    expect(screen.queryByText(/^\d+ of \d+ removed models$/)).not.toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Removed models' })).not.toBeInTheDocument()
  })
})

describe('a removed model in the dialog', () => {
  test('is looked up in the history by its id alone, one record, whatever the history holds', async () => {
    const asked = seenPages([[seenModel('claude-gone-1', { removed_at: ago(3) })]])
    renderApp('/?model=claude-gone-1')
    const dialog = await screen.findByRole('dialog', { name: 'CLAUDE-GONE-1' })
    expect(await within(dialog).findByText(/^Removed from the catalogue on/)).toBeInTheDocument()
    const lookups = asked.filter((search) => search.has('model_id'))
    expect(lookups.map((search) => search.toString())).toContain('model_id=claude-gone-1&limit=1')
    expect(lookups.every((search) => !search.has('since') && !search.has('after_id'))).toBe(true)
  })
})
