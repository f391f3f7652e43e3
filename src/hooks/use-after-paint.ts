import { useEffect, useState } from 'react'

/** Runs `callback` once the frame being drawn now is on screen; returns a function that cancels it. */
function afterNextPaint(callback: () => void): () => void {
  // A task queued from a frame callback runs after that frame's paint. (jsdom has no frames: a task is enough.)
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(callback)
    return () => clearTimeout(timer)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => (timer = setTimeout(callback)))
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

/**
 * `on`, turned on only once the frame drawn with it has been painted, and off
 * at once. For follow-up work of an input that can wait a frame, so the input's
 * own response is painted first (issue 10: input to next paint). True from the
 * first render when `on` is (a page rendered by the server with it on).
 */
export function useOnAfterPaint(on: boolean): boolean {
  const [painted, setPainted] = useState(on)
  // Off: forgotten at once (in this render), so the next time on waits for its own frame again.
  if (!on && painted) setPainted(false)
  useEffect(() => {
    if (on) return afterNextPaint(() => setPainted(true))
  }, [on])
  return on && painted
}
