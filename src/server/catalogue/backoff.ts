export interface BackoffOptions {
  baseMs: number
  maxMs: number
  random?: () => number
}

/**
 * The wait after `failures` failures in a row: `baseMs` after the first, then
 * exponential with jitter, between half and all of min(max, base·2ⁿ⁻¹) but
 * never under the base, so many workspaces or servers failing together do not
 * retry in step, and no wait is shorter than the one before it promised.
 */
export function backoffMs(failures: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  if (failures <= 0) return 0
  if (failures === 1) return Math.min(baseMs, maxMs)
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30))
  return Math.max(Math.min(baseMs, maxMs), ceiling / 2 + (ceiling / 2) * random())
}
