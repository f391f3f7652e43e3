import type { BenchItem } from './lib/bench-item'
import { bffThroughput } from './items/bff-throughput'
import { bundleWeight } from './items/bundle-weight'
import { coldLoad } from './items/cold-load'
import { filterResponsiveness } from './items/filter-responsiveness'
import { historyWrite } from './items/history-write'
import { interactionLatency } from './items/interaction-latency'
import { lighthouseViews } from './items/lighthouse-views'
import { nextPageUnderLatency } from './items/next-page-under-latency'
import { snapshotScale } from './items/snapshot-scale'
import { upstreamEconomy } from './items/upstream-economy'

/** Every benchmark of `npm run bench`, in the order they run. */
export const BENCH_ITEMS: readonly BenchItem[] = [
  bundleWeight,
  coldLoad,
  nextPageUnderLatency,
  filterResponsiveness,
  bffThroughput,
  snapshotScale,
  upstreamEconomy,
  historyWrite,
  lighthouseViews,
  interactionLatency,
]
