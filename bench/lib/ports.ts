/**
 * Loopback ports of the benchmark and soak runs, clear of `npm start` (8787)
 * and the e2e run (48787–48789). The two runs have ranges of their own, so a
 * soak and a benchmark never take each other's ports.
 */
// `BENCH_PORT_BASE` moves both ranges, so two checkouts can run a soak at once.
const BASE = Number(process.env.BENCH_PORT_BASE ?? 19500)
const RANGES = { bench: BASE, soak: BASE + 40 } as const
const RANGE_SIZE = 40

/** Hands out the ports of one run in order; an item asks for as many as it starts servers. */
export function portAllocator(run: keyof typeof RANGES) {
  let next = RANGES[run]
  return {
    next(): number {
      if (next >= RANGES[run] + RANGE_SIZE) throw new Error(`The ${run} run ran out of its ${RANGE_SIZE} ports`)
      return next++
    },
  }
}
export type PortAllocator = ReturnType<typeof portAllocator>
