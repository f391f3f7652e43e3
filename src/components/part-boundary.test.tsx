import { act, render, screen } from '@testing-library/react'
import { lazy, useEffect, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createTakeOver, TakeOverContext } from '../lib/take-over'
import { PartBoundary } from './part-boundary'

/** A page like the app's: a shell that says when its effects ran, and one lazily loaded part. */
function Page({ onTakenOver, part }: { onTakenOver: () => void; part: Promise<{ default: () => React.JSX.Element }> }) {
  const [takeOver] = useState(() => createTakeOver(onTakenOver))
  const [Part] = useState(() => lazy(() => part))
  return (
    <TakeOverContext value={takeOver}>
      <Shell onEffects={() => takeOver.shellTakenOver()} />
      <PartBoundary fallback={<p>Loading…</p>}>
        <Part />
      </PartBoundary>
    </TakeOverContext>
  )
}

function Shell({ onEffects }: { onEffects: () => void }) {
  useEffect(onEffects, [onEffects])
  return <p>Shell</p>
}

describe('PartBoundary', () => {
  it('keeps the take-over waiting until its part is drawn', async () => {
    const onTakenOver = vi.fn()
    let arrive = (_module: { default: () => React.JSX.Element }) => {}
    const part = new Promise<{ default: () => React.JSX.Element }>((resolve) => (arrive = resolve))
    render(<Page onTakenOver={onTakenOver} part={part} />)
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    expect(onTakenOver).not.toHaveBeenCalled()

    await act(async () => arrive({ default: () => <p>Changes</p> }))
    expect(screen.getByText('Changes')).toBeInTheDocument()
    expect(onTakenOver).toHaveBeenCalledTimes(1)
  })

  it('draws its part where no take-over waits (tests, and pages drawn on the client alone)', async () => {
    render(
      <PartBoundary>
        <p>Part</p>
      </PartBoundary>,
    )
    expect(await screen.findByText('Part')).toBeInTheDocument()
  })
})
