/** The look of every text field and select on the page: one height, border and colour in both themes. */
export const FIELD =
  'h-8 rounded-md border border-zinc-300 bg-white text-sm text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'
