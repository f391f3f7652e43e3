import { render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, test } from 'vitest'
import { emulateWidth } from '../../../testing/breakpoints'
import type { AvailabilityRow, AvailabilityWorkspace } from '../../../contract/availability'
import { AvailabilityCardList } from './availability-card-list'

const WORKSPACES: AvailabilityWorkspace[] = [
  { name: 'default', fetched_at: '2026-11-30T10:00:00Z', stale: false, error: null },
  { name: 'eu', fetched_at: null, stale: false, error: { type: 'authentication_error', message: 'Key refused' } },
  { name: 'staging', fetched_at: '2026-11-30T10:00:00Z', stale: false, error: null },
]
const ROWS: AvailabilityRow[] = [
  {
    id: 'claude-opus-4-6',
    type: 'model',
    display_name: 'Claude Opus 4.6',
    created_at: '2026-02-04T00:00:00Z',
    status: { default: 'available', staging: 'absent' },
  },
  {
    id: 'claude-haiku-3',
    type: 'model',
    display_name: 'Claude Haiku 3',
    created_at: '1970-01-01T00:00:00Z',
    status: { default: 'deprecated', staging: 'retired' },
  },
]

describe('AvailabilityCardList', () => {
  // The cards are the phone's view; from sm up the table stands in their place.
  beforeEach(() => emulateWidth('phone'))

  test('one card per model, headed by its name, with a line per workspace in words', () => {
    render(
      <AvailabilityCardList
        rows={ROWS}
        workspaces={WORKSPACES}
        isBusy={false}
        now={Date.now()}
        onOpenModel={() => {}}
      />,
    )
    const cards = within(screen.getByRole('list', { name: 'Availability' })).getAllByRole('article')
    expect(cards).toHaveLength(2)
    const opus = cards[0]!
    expect(within(opus).getByRole('heading', { name: 'Claude Opus 4.6' })).toBeInTheDocument()
    expect(opus).toHaveTextContent('claude-opus-4-6')
    expect(opus).toHaveTextContent('Released 4 Feb 2026')
    const lines = within(within(opus).getByRole('list', { name: 'Workspaces of Claude Opus 4.6' })).getAllByRole(
      'listitem',
    )
    // The workspace whose catalogue failed says Unknown, never Absent.
    expect(lines.map((line) => line.textContent)).toEqual([
      'default: Available',
      expect.stringMatching(/^eu: Unknown/),
      'staging: Absent',
    ])
    expect(lines.map((line) => line.dataset.status)).toEqual(['available', 'unknown', 'absent'])
  })

  test('an unknown release date says so, and every status has its word', () => {
    render(
      <AvailabilityCardList
        rows={ROWS}
        workspaces={WORKSPACES}
        isBusy={false}
        now={Date.now()}
        onOpenModel={() => {}}
      />,
    )
    const haiku = screen.getByRole('article', { name: 'Claude Haiku 3' })
    expect(haiku).toHaveTextContent('Released Unknown')
    expect(
      within(haiku)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual(['default: Deprecated', expect.stringMatching(/^eu: Unknown/), 'staging: Retired'])
  })

  test("a card's name opens its model", async () => {
    const opened: string[] = []
    render(
      <AvailabilityCardList
        rows={ROWS}
        workspaces={WORKSPACES}
        isBusy={false}
        now={Date.now()}
        onOpenModel={(id) => opened.push(id)}
      />,
    )
    screen.getByRole('button', { name: 'Claude Opus 4.6' }).click()
    expect(opened).toEqual(['claude-opus-4-6'])
  })

  test('marks itself busy while the next page loads', () => {
    render(<AvailabilityCardList rows={ROWS} workspaces={WORKSPACES} isBusy now={Date.now()} onOpenModel={() => {}} />)
    expect(screen.getByRole('list', { name: 'Availability' })).toHaveAttribute('aria-busy', 'true')
  })
})
