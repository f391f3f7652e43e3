import { useEffect, useState } from 'react'

// The clock a page was rendered with on the server, while the browser takes that page over: the same
// "3 min ago" on both sides, so hydration matches; right after it, the browser's own clock takes over.
// Null otherwise.
let renderClock: number | null = null

const CATCH_UP_AFTER_MS = 60_000

/** Sets (or, with null, clears) the time that components mounting now start from instead of Date.now(). */
export function setRenderClock(now: number | null): void {
  renderClock = now
}

/** The current time, updated every `intervalMs`, for ages and relative dates. */
export function useNow(intervalMs: number): number {
  // Only a render clock far from the browser's (a page rendered at another time, or a browser whose clock is
  // set elsewhere) is corrected at once; a few seconds apart, the interval brings it up to date without
  // redrawing, and so moving, anything just after hydration.
  const [renderClockIsFarOff] = useState(
    () => renderClock !== null && Math.abs(Date.now() - renderClock) > CATCH_UP_AFTER_MS,
  )
  const [now, setNow] = useState(() => renderClock ?? Date.now())
  useEffect(() => {
    const tick = () => setNow(Date.now())
    // After hydration, not during it: the browser's clock, which may be far from the server's.
    const catchUp = renderClockIsFarOff ? setTimeout(tick, 0) : undefined
    const timer = setInterval(tick, intervalMs)
    return () => {
      clearTimeout(catchUp)
      clearInterval(timer)
    }
  }, [intervalMs, renderClockIsFarOff])
  return now
}
