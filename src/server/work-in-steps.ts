/**
 * Long work split into steps, so that it never holds the event loop: requests
 * are answered between steps. A history write of a walk that changes 100k
 * models, and the index of a new catalogue, are done this way.
 *
 * Each part of the work is a generator that does its work through a
 * StepCounter and yields whenever the counter says a step is full; runInSteps
 * lets the event loop run at each yield.
 */

/** The most units of work (a model compared, a row read or written) done between two yields: a few ms at most. */
export const STEP_UNITS = 1_000

/**
 * The longest a step runs, whatever its units: on a busy machine (or a slow
 * statement) 1,000 units can take far longer than their few ms, so a step
 * also ends once it has run this long.
 */
export const STEP_MS = 8

/** How much one step may do: at most `units` of work and, checked at each unit, not much more than `ms`. */
export interface StepLimits {
  units: number
  ms: number
}

const DEFAULT_STEP_LIMITS: StepLimits = { units: STEP_UNITS, ms: STEP_MS }

/**
 * Counts work done since the last yield; shared by the parts of one piece of
 * work (a history write), so a step never spans more than STEP_UNITS units
 * nor, checked at each unit, much more than STEP_MS. Work whose units vary in
 * cost (a new catalogue's index) gives limits of its own.
 */
export class StepCounter {
  private done = 0
  private startedAt: number

  /** `now`: the clock steps are timed by (tests give one that they move). */
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly limits: StepLimits = DEFAULT_STEP_LIMITS,
  ) {
    this.startedAt = now()
  }

  /** Counts `units` of work; true when the step is full (in units or in time) and the caller should yield take(). */
  tick(units = 1): boolean {
    this.done += units
    return this.done >= this.limits.units || this.overTime()
  }

  /** How many units this step can still take: none once it has run its time. */
  room(): number {
    return this.overTime() ? 0 : Math.max(0, this.limits.units - this.done)
  }

  /** The work done in this step, and a new step begins. */
  take(): number {
    const done = this.done
    this.done = 0
    this.startedAt = this.now()
    return done
  }

  private overTime(): boolean {
    return this.now() - this.startedAt >= this.limits.ms
  }
}

/** A part of the work: yields the work done in each full step, returns its result. */
export type Steps<T> = Generator<number, T, void>

/** Waits until the event loop has run once: timers, I/O and other requests go first. */
export const yieldToEventLoop = (): Promise<void> =>
  // setImmediate is Node's; an edge runtime without it gets a timer.
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)))

/** Called between two steps with the work done in the step that ended; tests observe steps through it. */
export type Pause = (units: number) => Promise<void>

/**
 * A pause that lets the event loop run, and ends the work (throwing the
 * signal's reason) once `signal` is aborted: a deadline passed, a stop, or
 * newer work that makes this one pointless.
 */
export const pauseUnlessAborted =
  (signal: AbortSignal): Pause =>
  async () => {
    signal.throwIfAborted()
    await yieldToEventLoop()
    signal.throwIfAborted()
  }

/** Runs the steps to the end, pausing between them. */
export async function runInSteps<T>(steps: Steps<T>, pause: Pause = yieldToEventLoop): Promise<T> {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    await pause(next.value)
  }
}

/** Runs the steps to the end with no pause: for pure callers (tests, small inputs). */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * Sorts a copy of `items` in steps: runs of STEP_UNITS sorted at once, then
 * merged bottom-up, one element counted per move. Array.sort of 100k ids alone
 * holds the loop for ~75 ms.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, work: StepCounter): Steps<T[]> {
  let source = items.slice()
  for (let start = 0; start < source.length; start += STEP_UNITS) {
    // A run is sorted at once: the step it goes in must have room for all of it.
    if (work.room() < Math.min(STEP_UNITS, source.length - start)) yield work.take()
    const run = source.slice(start, start + STEP_UNITS).sort(compare)
    for (let index = 0; index < run.length; index += 1) source[start + index] = run[index]!
    if (work.tick(run.length)) yield work.take()
  }
  let target = new Array<T>(source.length)
  for (let width = STEP_UNITS; width < source.length; width *= 2) {
    for (let left = 0; left < source.length; left += 2 * width) {
      const middle = Math.min(left + width, source.length)
      const end = Math.min(left + 2 * width, source.length)
      let a = left
      let b = middle
      for (let out = left; out < end; out += 1) {
        target[out] = b >= end || (a < middle && compare(source[a]!, source[b]!) <= 0) ? source[a++]! : source[b++]!
        if (work.tick()) yield work.take()
      }
    }
    ;[source, target] = [target, source]
  }
  return source
}
