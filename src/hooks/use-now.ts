import { useEffect, useState } from 'react'

// The clock a page was rendered with on the server, while the browser takes that page over: the same
// "3 min ago" on both sides, so hydration matches; right after it, the browser's own clock takes over.
// Null otherwise.
let renderClock: number | null = null

/** Sets (or, with null, clears) the time that components mounting now start from instead of Date.now(). */
export function setRenderClock(now: number | null): void {
  renderClock = now
}

/** The current time, updated every `intervalMs`, for ages and relative dates. */
export function useNow(intervalMs: number): number {
  const [startedFromRenderClock] = useState(() => renderClock !== null)
  const [now, setNow] = useState(() => renderClock ?? Date.now())
  useEffect(() => {
    const tick = () => setNow(Date.now())
    // After hydration, not during it: the browser's clock, which may be far from the server's.
    const catchUp = startedFromRenderClock ? setTimeout(tick, 0) : undefined
    const timer = setInterval(tick, intervalMs)
    return () => {
      clearTimeout(catchUp)
      clearInterval(timer)
    }
  }, [intervalMs, startedFromRenderClock])
  return now
}
