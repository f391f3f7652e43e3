/** The workspace of `ANTHROPIC_API_KEY`, and what a request without `workspace=` gets. */
export const DEFAULT_WORKSPACE = 'default'

/** A workspace name, as in the `ANTHROPIC_API_KEY_<NAME>` suffix (lower-cased), `workspace=` and the URL's `ws`. */
export const WORKSPACE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/
