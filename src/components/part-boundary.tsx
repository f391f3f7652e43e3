import { type ReactNode, type RefObject, Suspense, use, useEffect, useLayoutEffect, useRef } from 'react'
import { type ExpectedPart, TakeOverContext } from '../lib/take-over'

/**
 * The Suspense boundary of a lazily loaded part, which tells the page's take-over (lib/take-over.ts) when the
 * part is taken over: React does that in a commit after the shell's.
 */
export function PartBoundary({ fallback = null, children }: { fallback?: ReactNode; children: ReactNode }) {
  const takeOver = use(TakeOverContext)
  const part = useRef<ExpectedPart | null>(null)
  // A layout effect: it runs in the shell's commit, before the shell's own (passive) effects say it is done.
  useLayoutEffect(() => {
    const expected = takeOver?.expectPart() ?? null
    part.current = expected
    return () => expected?.gone()
  }, [takeOver])
  return (
    <Suspense fallback={fallback}>
      {children}
      <PartTakenOver part={part} />
    </Suspense>
  )
}

/** Drawn with the part's content, so its effect runs in the commit that takes the part over. */
function PartTakenOver({ part }: { part: RefObject<ExpectedPart | null> }) {
  useEffect(() => part.current?.takenOver(), [part])
  return null
}
