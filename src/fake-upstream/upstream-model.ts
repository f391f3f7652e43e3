import type { ModelCapabilities, ModelInfo } from '@anthropic-ai/sdk/resources/models'

/**
 * A type with the same keys and types all the way down, as type aliases
 * (mapped types) rather than interfaces, so a record is also a plain object
 * the rest of the fake (and the contract's loose schema) takes.
 */
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T

/** The pinned SDK's `ModelInfo`, key for key: what API 2026-10-21 sends for one model. */
export type UpstreamModel = Plain<ModelInfo>
/** The pinned SDK's `ModelCapabilities`, key for key. */
export type UpstreamCapabilities = Plain<ModelCapabilities>
