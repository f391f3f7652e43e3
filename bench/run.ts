import { parseArgs } from 'node:util'
import type { BenchContext, BenchItem } from './lib/bench-item'
import { portAllocator } from './lib/ports'
import type { RunningProcess } from './lib/processes'
import { buildReport, type ItemResult, reportText, writeReport } from './lib/report'
import { BENCH_ITEMS } from './registry'

// `npm run bench [-- --only 5,7] [-- --quick]`: runs the items, prints the table, writes bench/results/latest.*.
const { values: args } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
})
const only = args.only?.split(',').map((id) => id.trim())
const items = BENCH_ITEMS.filter((item) => !only || only.includes(item.id))
if (items.length === 0) {
  console.error(
    `No benchmark item matches --only ${args.only}; the items are ${BENCH_ITEMS.map((i) => i.id).join(', ')}.`,
  )
  process.exit(2)
}

const running = new Set<RunningProcess>()
// However the run ends, no server is left behind on its port.
process.on('exit', () => {
  for (const child of running) process.kill(child.pid, 'SIGKILL')
})

async function runItem(item: BenchItem): Promise<ItemResult> {
  const started = performance.now()
  const context: BenchContext = {
    ports: portAllocator('bench'),
    quick: args.quick,
    log: (message) => console.error(`  [${item.id}] ${message}`),
    async start(launch) {
      const child = await launch()
      running.add(child)
      void child.exited.then(() => running.delete(child))
      return child
    },
  }
  console.error(`${item.id}. ${item.title}`)
  const result: ItemResult = {
    id: item.id,
    title: item.title,
    floor: item.floor,
    measuredAt: new Date().toISOString(),
    seconds: 0,
    measures: [],
  }
  try {
    result.measures = await item.run(context)
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error)
    console.error(`  [${item.id}] failed: ${result.error}`)
  } finally {
    await Promise.all([...running].map((child) => child.stop()))
  }
  result.seconds = Math.round((performance.now() - started) / 100) / 10
  return result
}

const results: ItemResult[] = []
for (const item of items) results.push(await runItem(item))

console.log(`\n${reportText(results)}\n`)
if (args.quick) {
  console.log('Quick run: bench/results/ left as it was.')
} else {
  writeReport(buildReport(results, 'npm run bench'))
  console.log('Written to bench/results/latest.json and bench/results/latest.md.')
}
process.exitCode = results.some((result) => result.error) ? 1 : 0
