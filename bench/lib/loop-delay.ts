import { spawn } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface LoopDelay {
  maxMs: number
  p99Ms: number
  totalMs: number
}

/** The event loop's delay (1 ms resolution) while `work` runs: how long a request arriving then could wait. */
export async function loopDelayDuring(work: () => Promise<unknown>): Promise<LoopDelay> {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const startedAt = performance.now()
  await work()
  const totalMs = performance.now() - startedAt
  delay.disable()
  return { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, totalMs }
}

/** The floor: the same loop, in the same process, running nothing for `ms`. */
export const idleFor = (ms: number) => loopDelayDuring(() => new Promise((resolve) => setTimeout(resolve, ms)))

// A process that runs nothing but its event loop's delay monitor, until its stdin closes; then it prints the figures.
const SIBLING_SCRIPT = `
const { monitorEventLoopDelay } = require('node:perf_hooks')
const delay = monitorEventLoopDelay({ resolution: 1 })
delay.enable()
process.stdout.write('ready\\n')
process.stdin.resume()
process.stdin.on('end', () => {
  delay.disable()
  process.stdout.write(JSON.stringify({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 }) + '\\n')
})
`

/**
 * The delay of an idle event loop in another process while `work` runs here:
 * what the machine's scheduling alone does to a loop, with this work on its
 * cores. A loop held longer in this process than there was held by the work.
 */
export async function idleSiblingDuring(work: () => Promise<unknown>): Promise<Omit<LoopDelay, 'totalMs'>> {
  const sibling = spawn(process.execPath, ['-e', SIBLING_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] })
  let output = ''
  sibling.stdout.setEncoding('utf8')
  await new Promise<void>((resolve, reject) => {
    sibling.once('error', reject)
    sibling.stdout.on('data', (chunk: string) => {
      output += chunk
      if (output.includes('ready\n')) resolve()
    })
  })
  try {
    await work()
  } finally {
    sibling.stdin.end()
  }
  await new Promise((resolve) => sibling.once('close', resolve))
  const line = output.split('\n').find((text) => text.startsWith('{'))
  if (!line) throw new Error(`The idle sibling process printed no figures: ${output}`)
  return JSON.parse(line) as Omit<LoopDelay, 'totalMs'>
}
