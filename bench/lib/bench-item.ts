import type { PortAllocator } from './ports'
import type { RunningProcess } from './processes'

/** What a figure must reach; `met` sees the project's figure, the floor's and their ratio. */
export interface Goal {
  text: string
  met(figures: { project: number; floor: number | null; ratio: number | null }): boolean
}

/** One row of the report: the project's figure against the floor's, measured in the same run. */
export interface Measure {
  name: string
  unit: string
  project: number
  floor: number | null
  /** project ÷ floor, or null without a floor. */
  ratio: number | null
  goal: string | null
  /** null when there is no goal: the figure is reported, not judged. */
  met: boolean | null
  notes?: string
}

export interface BenchContext {
  ports: PortAllocator
  /** Starts a process that is stopped when the item ends, passed or failed. */
  start(launch: () => Promise<RunningProcess>): Promise<RunningProcess>
  /** Shorter runs, for trying the suite out; the committed results never come from one. */
  quick: boolean
  /** A progress line on stderr. */
  log(message: string): void
}

/**
 * One benchmark of issue 4. To add one: a file in bench/items/ exporting a
 * BenchItem, and a line in bench/registry.ts.
 */
export interface BenchItem {
  /** The number for it ("5"), used by `--only`. */
  id: string
  title: string
  /** What the project is measured against, one sentence. */
  floor: string
  run(context: BenchContext): Promise<Measure[]>
}

/** A Measure with the ratio worked out and the goal judged. */
export function measure(row: {
  name: string
  unit: string
  project: number
  floor?: number | null
  goal?: Goal
  notes?: string
}): Measure {
  const floor = row.floor ?? null
  const ratio = floor === null || floor === 0 ? null : row.project / floor
  return {
    name: row.name,
    unit: row.unit,
    project: row.project,
    floor,
    ratio,
    goal: row.goal?.text ?? null,
    met: row.goal ? row.goal.met({ project: row.project, floor, ratio }) : null,
    ...(row.notes ? { notes: row.notes } : {}),
  }
}

export const goals = {
  ratioAtLeast: (minimum: number): Goal => ({
    text: `ratio ≥ ${minimum}`,
    met: ({ ratio }) => ratio !== null && ratio >= minimum,
  }),
  ratioAtMost: (maximum: number): Goal => ({
    text: `ratio ≤ ${maximum}`,
    met: ({ ratio }) => ratio !== null && ratio <= maximum,
  }),
  atLeast: (minimum: number): Goal => ({ text: `≥ ${minimum}`, met: ({ project }) => project >= minimum }),
  equals: (expected: number): Goal => ({ text: `= ${expected}`, met: ({ project }) => project === expected }),
  atMost: (maximum: number, unit: string): Goal => ({
    text: `≤ ${maximum} ${unit}`.trim(),
    met: ({ project }) => project <= maximum,
  }),
  /** The project's figure equals the floor's, which is the ideal (one walk, ceil(n/1000) requests). */
  equalsFloor: (): Goal => ({ text: '= floor', met: ({ project, floor }) => project === floor }),
  zero: (): Goal => ({ text: '0', met: ({ project }) => project === 0 }),
}
