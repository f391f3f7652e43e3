import type { StoredChange, WorkspaceHistory } from './history-store'

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

export interface AtomFeedInput {
  history: WorkspaceHistory
  /** Newest first. */
  changes: readonly StoredChange[]
  /** The feed's own address, and the dashboard's. */
  selfUrl: string
  pageUrl: string
  now: number
}

// Characters XML 1.0 cannot carry at all, not even escaped (control characters, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text (upstream names included) made safe for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (character) => ENTITIES[character]!)
}

const iso = (time: number) => new Date(time).toISOString()
const shownTime = (time: number) => `${iso(time).slice(0, 16).replace('T', ' ')} UTC`

/** The entry's title and text: what happened to which model, in words. */
export function describeChange(change: StoredChange): { title: string; text: string } {
  const model = `${change.displayName} (${change.modelId})`
  const where = `the catalogue of workspace ${change.workspace}`
  const when = shownTime(change.at)
  switch (change.kind) {
    case 'added':
      return { title: `Added: ${model}`, text: `${model} appeared in ${where} at ${when}.` }
    case 'removed':
      return { title: `Removed: ${model}`, text: `${model} was no longer in ${where} at ${when}.` }
    case 'display_name_changed':
      return {
        title: `Renamed: ${change.before} → ${change.after} (${change.modelId})`,
        text: `${change.modelId} changed its display name from "${change.before}" to "${change.after}" in ${where} at ${when}.`,
      }
    case 'lifecycle_changed':
      return {
        title: `${change.before} → ${change.after}: ${model}`,
        text: `${model} went from ${change.before} to ${change.after} in ${where} at ${when}.`,
      }
  }
}

/** An Atom 1.0 feed (RFC 4287) of a workspace's changes. */
export function renderAtomFeed({ history, changes, selfUrl, pageUrl, now }: AtomFeedInput): string {
  // From the stored history only (the latest change, else its start), so every replica serves the same bytes.
  const updated = changes[0]?.at ?? history.firstWalkAt ?? now
  const entries = changes.map((change) => {
    const { title, text } = describeChange(change)
    return [
      '  <entry>',
      `    <id>urn:uuid:${escapeXml(change.entryId)}</id>`,
      `    <title type="text">${escapeXml(title)}</title>`,
      `    <updated>${iso(change.at)}</updated>`,
      `    <published>${iso(change.at)}</published>`,
      `    <category term="${escapeXml(change.kind)}"/>`,
      `    <content type="text">${escapeXml(text)}</content>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:uuid:${escapeXml(history.feedId)}</id>`,
    `  <title type="text">Model catalogue changes: workspace ${escapeXml(history.workspace)}</title>`,
    '  <subtitle type="text">Models added to and removed from the catalogue, renamed, or moved through their lifecycle.</subtitle>',
    `  <updated>${iso(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
    '  <author><name>Model catalogue dashboard</name></author>',
    '  <generator>Model catalogue dashboard</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
