import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build, type Rolldown } from 'vite'
import { firstVisitFiles } from '../../scripts/first-visit-bytes'
import { type BenchItem, goals, measure } from '../lib/bench-item'
import { ROOT } from '../lib/processes'

// The former budget of build output; npm test now holds the bytes on the wire (e2e/first-visit-bytes.spec.ts).
const BUDGET_GZIP_BYTES = 125 * 1024

/** gzip bytes (level 9, as the budget test counts) of the JS a production build of the libraries-only entry makes. */
async function librariesAloneGzipBytes(): Promise<number> {
  const output = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [react()],
    build: { write: false, rollupOptions: { input: `${ROOT}bench/floors/libraries-entry.tsx` } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output)
  return chunks
    .filter((chunk) => chunk.type === 'chunk' && chunk.isEntry)
    .reduce((sum, chunk) => sum + gzipSync((chunk as Rolldown.OutputChunk).code, { level: 9 }).length, 0)
}

export const bundleWeight: BenchItem = {
  id: '1',
  title: 'Bundle weight',
  floor:
    'the libraries alone, measured: a production build of bench/floors/libraries-entry.tsx, which imports and uses what the dashboard uses of React 19, React Query and TanStack Table, with no app code, no CSS and no zod',
  async run({ log }) {
    const files = firstVisitFiles(`${ROOT}dist/client`)
    const project = files.reduce((sum, file) => sum + file.gzipBytes, 0)
    const floor = await librariesAloneGzipBytes()
    log(files.map((file) => `${file.path} ${(file.gzipBytes / 1024).toFixed(1)} KB`).join(', '))
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
    return [
      measure({
        name: 'first-visit JS + CSS, gzip',
        unit: 'KB',
        project: kb(project),
        floor: kb(floor),
        goal: goals.atMost(BUDGET_GZIP_BYTES / 1024, 'KB'),
        notes: `what the built index.html loads (scripts/first-visit-bytes.ts, as the CI budget test counts it): ${files.map((file) => `${file.path.replace('assets/', '')} ${kb(file.gzipBytes)} KB`).join(', ')}; the app's own code and CSS come to ${kb(project - floor)} KB`,
      }),
    ]
  },
}
