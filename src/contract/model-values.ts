// A model's constants, without a schema library: the browser's entry imports them (model.ts holds the schemas).

/** The lines API 2026-10-21 names; more may come, and a model may have none (null). */
export const MODEL_LINES = ['haiku', 'sonnet', 'opus', 'fable', 'mythos'] as const

/** The upstream's convention for "release date unknown". */
export const UNKNOWN_RELEASE_DATE = '1970-01-01T00:00:00Z'

export function isReleaseDateUnknown(createdAt: string): boolean {
  const time = Date.parse(createdAt)
  return Number.isNaN(time) || time === 0
}
