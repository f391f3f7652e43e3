import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FirstVisitFile {
  path: string
  bytes: number
  gzipBytes: number
}

/**
 * The JS and CSS a first visit loads: what the built index.html references
 * (entry script, module preloads, stylesheets) and what those scripts import
 * statically. Lazy chunks (dynamic import) are left out, as the browser does.
 */
export function firstVisitFiles(clientDir = 'dist/client'): FirstVisitFile[] {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const referenced = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map(
    (match) => match[1]!,
  )
  const seen = new Set<string>()
  const queue = [...referenced]
  while (queue.length > 0) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    if (!path.endsWith('.js')) continue
    const code = readFileSync(join(clientDir, path), 'utf8')
    // Static imports between built chunks: `import ... from "./x.js"` or `import "./x.js"`.
    for (const match of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join(path, '..', match[1]!))
    }
  }
  return [...seen].map((path) => {
    const content = readFileSync(join(clientDir, path))
    return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length }
  })
}
