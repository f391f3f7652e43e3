import { useEffect, useRef } from 'react'
import { announce } from '../components/ui/announcer'

/**
 * Announces a view's results, politely, once they are on screen after a sort or filter changed them: the
 * table itself changes silently for a screen reader. Not on first load (the page is being read then) and
 * not on paging (the range below the table says where one is).
 */
export function useAnnounceResults(viewKey: string, results: string | null) {
  const announced = useRef<string | null>(null)
  useEffect(() => {
    if (results === null) return
    if (announced.current !== null && announced.current !== viewKey) announce(results)
    announced.current = viewKey
  }, [viewKey, results])
}
