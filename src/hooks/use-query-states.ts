import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react'
import { readParams, renderQueryString, type UrlParams, type UrlUpdate, writeParams } from '../lib/url-params'
import type { HistoryMode } from './use-history-rule'

/** The page URL's query string where there is no `location`: the server's render, and the browser's take-over of it. */
export const ServerSearchContext = createContext<string | undefined>(undefined)

// Every hook reading the URL hears of a change made by any of them at once; Back and Forward through popstate.
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/**
 * URL state: the values of `params` in the page's query string, and a setter
 * that writes a change into it at once (`history`: push a new entry, or
 * replace this one; the default), so a link copied right after a change has
 * it. A change that leaves the URL as it is writes nothing. The setter's
 * promise gives the query string written.
 */
export function useQueryStates<Params extends UrlParams>(params: Params) {
  const serverSearch = useContext(ServerSearchContext)
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => serverSearch ?? '',
  )
  const values = useMemo(() => readParams(params, search), [params, search])
  const setValues = useCallback(
    (update: UrlUpdate<Params>, { history = 'replace' }: { history?: HistoryMode } = {}) => {
      const url = new URL(window.location.href)
      const written = writeParams(params, new URLSearchParams(url.search), update)
      url.search = renderQueryString(written)
      if (url.href !== window.location.href) {
        if (history === 'push') window.history.pushState(window.history.state, '', url)
        else window.history.replaceState(window.history.state, '', url)
        for (const listener of listeners) listener()
      }
      return Promise.resolve(written)
    },
    [params],
  )
  return [values, setValues] as const
}
