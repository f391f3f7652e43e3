// Without a schema library: the browser's entry imports it (history.ts holds the schemas).

/** What can happen to a model between two catalogue walks. */
export const CHANGE_KINDS = ['added', 'removed', 'display_name_changed', 'lifecycle_changed'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]
