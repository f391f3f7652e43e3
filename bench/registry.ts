import type { BenchItem } from './lib/bench-item'
import { bffThroughput } from './items/bff-throughput'
import { snapshotScale } from './items/snapshot-scale'
import { upstreamEconomy } from './items/upstream-economy'

/** Every benchmark of `npm run bench`, in the order they run. */
export const BENCH_ITEMS: readonly BenchItem[] = [bffThroughput, snapshotScale, upstreamEconomy]
