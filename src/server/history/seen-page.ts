import type { ModelRecord } from './history-store'

/**
 * What one record of `/api/seen` costs beyond its id and name: its keys, three
 * ISO times, a boolean and the punctuation (about 170 bytes), rounded up.
 */
const RECORD_OVERHEAD_BYTES = 192

/** The most a page of `/api/seen` holds in records' JSON: a thousand usual ones (~250 bytes each) fit twice. */
export const SEEN_PAGE_MAX_BYTES = 512 * 1024

const encoder = new TextEncoder()
const jsonStringBytes = (text: string) => encoder.encode(JSON.stringify(text)).length

/** The bytes a record takes in an answer's JSON, at most: its id and name as JSON strings, escapes included. */
export function seenRecordBytes(record: Pick<ModelRecord, 'modelId' | 'displayName'>): number {
  return RECORD_OVERHEAD_BYTES + jsonStringBytes(record.modelId) + jsonStringBytes(record.displayName)
}
