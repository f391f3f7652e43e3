/**
 * Checks of a JSON value's shape, small enough for the browser's entry: the
 * browser reads its own server's answers, which that server has already built
 * from validated data, so it only needs to tell an answer of the promised
 * shape from one that is not (UnreadableResponseError), not zod's messages.
 * The server parses with the zod schemas; answer-checks.test.ts holds both to
 * the same verdicts.
 */
export type Check = (value: unknown) => boolean

/** What `getJson` takes: a zod schema has this shape too. */
export interface AnswerShape<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

export const isString: Check = (value) => typeof value === 'string'
export const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value)
export const isBoolean: Check = (value) => typeof value === 'boolean'
export const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value)
export const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
export const nullish =
  (check: Check): Check =>
  (value) =>
    value == null || check(value)
export const oneOf =
  (...allowed: readonly unknown[]): Check =>
  (value) =>
    allowed.includes(value)
export const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check)

/** An object with at least these fields, each passing its check; other fields pass untouched. */
export const objectWith =
  (fields: Readonly<Record<string, Check>>): Check =>
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(fields).every(([key, check]) => check((value as Record<string, unknown>)[key]))

/** The answer as `T` when `check` passes. */
export function answerShape<T>(check: Check): AnswerShape<T> {
  return { safeParse: (value) => (check(value) ? { success: true, data: value as T } : { success: false }) }
}
