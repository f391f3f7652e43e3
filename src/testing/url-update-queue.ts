import { NuqsTestingAdapter } from 'nuqs/adapters/testing'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

/**
 * Drops the URL updates nuqs still has queued. Its queue is global, not the app's, and writes up to a
 * throttle period (50 ms) after a change: what an unmounted app did last would otherwise land in the
 * next app's URL, or be read by it as its own state. Rendering nuqs's testing adapter once is the public
 * way to empty that queue (its `resetUrlUpdateQueueOnMount`); nothing else of it is used.
 */
export function dropQueuedUrlUpdates(): void {
  renderToStaticMarkup(createElement(NuqsTestingAdapter, { resetUrlUpdateQueueOnMount: true, children: null }))
}
