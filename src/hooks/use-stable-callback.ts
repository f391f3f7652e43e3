import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function of fixed identity that always calls the latest `callback`. For
 * handlers handed to memoised rows: a row that is not drawn again (nothing it
 * shows changed) still acts on the page's current state when clicked.
 * Not for use during render: it calls the callback of the last commit.
 */
export function useStableCallback<Args extends unknown[], Result>(
  callback: (...args: Args) => Result,
): (...args: Args) => Result {
  const latest = useRef(callback)
  useLayoutEffect(() => {
    latest.current = callback
  })
  return useCallback((...args: Args) => latest.current(...args), [])
}
