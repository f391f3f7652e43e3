import type { SortValue } from '../../src/contract/list-params'
import type { Model } from '../../src/contract/model'
import { syntheticCatalogue } from '../../src/fake-upstream/synthetic-catalogue'
import { type CatalogueIndex, prepareCatalogueIndex } from '../../src/server/catalogue/catalogue-index'
import { CatalogueSnapshot } from '../../src/server/catalogue/catalogue-snapshot'
import { STEP_MS } from '../../src/server/work-in-steps'
import { pageOfView } from '../../src/server/catalogue/page-of-view'
import { type BenchContext, type BenchItem, goals, type Measure, measure } from '../lib/bench-item'
import { getJson } from '../lib/http'
import { ceilingsFor, startBuiltServer, startFakeUpstream } from '../lib/processes'
import { median } from '../lib/stats'
import { loopDelayRows } from './snapshot-loop-delay'

const SIZES = [1_000, 10_000, 100_000] as const
const SORT: SortValue = '-created_at'
const LIMIT = 20
const FAMILIES = ['sonnet', 'haiku', 'opus', 'mythos', 'lyric', 'sonata']

/** Two terms as people type them, never asked before: no view of it is cached. */
const newQuery = (index: number) => `${FAMILIES[index % FAMILIES.length]} ${index + 1}`
const termsOf = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean)

function timed(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

async function timedAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

const firstPage = async (snapshot: CatalogueSnapshot, q: string | undefined) =>
  pageOfView(await snapshot.view(q, SORT), { limit: LIMIT })

/**
 * The floor of a filtered page: a bare loop over the same models, already in
 * order, with their search text already lower-cased in a parallel array.
 */
function floorQuery(ordered: readonly Model[], texts: readonly string[], q: string) {
  const terms = termsOf(q)
  const matches: Model[] = []
  for (let index = 0; index < texts.length; index += 1) {
    const text = texts[index]!
    if (terms.every((term) => text.includes(term))) matches.push(ordered[index]!)
  }
  return matches.slice(0, LIMIT)
}

const searchText = (model: Model) => `${model.id}\n${model.display_name}`.toLowerCase()

/** p50 of a page query with a new filter over a sort order already cached, project and floor interleaved. */
async function filteredQuery(models: readonly Model[], iterations: number) {
  const snapshot = new CatalogueSnapshot(models, Date.now())
  const ordered = (await snapshot.view(undefined, SORT)).models
  const texts = ordered.map(searchText)
  const project: number[] = []
  const floor: number[] = []
  for (let index = 0; index < iterations + 20; index += 1) {
    const q = newQuery(index)
    const projectTime = await timedAsync(() => firstPage(snapshot, q))
    const floorTime = timed(() => floorQuery(ordered, texts, q))
    // The first 20 let the JIT settle.
    if (index >= 20) {
      project.push(projectTime)
      floor.push(floorTime)
    }
  }
  return { project: median(project), floor: median(floor) }
}

/**
 * The first query of a snapshot as installed, its index prepared (ranks, search texts) but no order or view
 * cached; the floor sorts on a number and filters from nothing. Also the preparation itself, in steps.
 */
async function firstQuery(models: readonly Model[], repeats: number) {
  const project: number[] = []
  const floor: number[] = []
  const preparation: number[] = []
  for (let index = 0; index < repeats; index += 1) {
    let prepared: CatalogueIndex | undefined
    preparation.push(
      await timedAsync(async () => (prepared = await prepareCatalogueIndex(models, new AbortController().signal))),
    )
    const snapshot = new CatalogueSnapshot(models, Date.now(), undefined, prepared)
    project.push(await timedAsync(() => firstPage(snapshot, 'sonnet')))
    floor.push(
      timed(() => {
        const keyed = models.map((model) => ({ model, time: Date.parse(model.created_at) || -Infinity }))
        keyed.sort((a, b) => b.time - a.time)
        const ordered = keyed.map((entry) => entry.model)
        floorQuery(ordered, ordered.map(searchText), 'sonnet')
      }),
    )
  }
  return { project: median(project), floor: median(floor), preparation: median(preparation) }
}

/** The same page asked again: the view is cached, the page is a slice. */
async function repeatedQuery(models: readonly Model[], iterations: number): Promise<number> {
  const snapshot = new CatalogueSnapshot(models, Date.now())
  await firstPage(snapshot, 'sonnet 12')
  const times: number[] = []
  for (let index = 0; index < iterations; index += 1) {
    times.push(await timedAsync(() => firstPage(snapshot, 'sonnet 12')))
  }
  return median(times)
}

export const snapshotScale: BenchItem = {
  id: '6',
  title: 'Scale of the snapshot query',
  floor:
    'queries: a bare loop over the same models already in order, with lower-cased search texts in a parallel array, then a slice; first query: that plus a sort on a precomputed number; RSS: the same built server with the 24-model demo line-up',
  async run(context) {
    const iterations = { 1_000: 1000, 10_000: 300, 100_000: 100 }
    const largest = syntheticCatalogue(100_000)
    // First, while the heap holds little more than a server's would: the GC's pauses count in the loop's delay.
    const loopDelays = await loopDelayRows(largest, context)
    const rows: Measure[] = []
    const p50 = new Map<number, { project: number; floor: number }>()
    for (const size of SIZES) {
      const models = syntheticCatalogue(size)
      const result = await filteredQuery(models, context.quick ? 30 : iterations[size])
      p50.set(size, result)
      context.log(`${size} models: p50 ${result.project.toFixed(3)} ms, floor ${result.floor.toFixed(3)} ms`)
      rows.push(
        measure({
          name: `page with a new filter, sort cached: p50 at ${size.toLocaleString('en-US')} models`,
          unit: 'ms',
          project: result.project,
          floor: result.floor,
          ...(size === 100_000 ? { goal: goals.atMost(2, 'ms') } : {}),
        }),
      )
    }
    const exponent = (times: (size: number) => number) => Math.log10(times(100_000) / times(1_000)) / 2
    rows.push(
      measure({
        name: 'growth of that p50, 1k → 100k (exponent; 1 = linear)',
        unit: '',
        project: exponent((size) => p50.get(size)!.project),
        floor: exponent((size) => p50.get(size)!.floor),
        goal: { text: '≤ 1.1 (linear, with room for noise)', met: ({ project }) => project <= 1.1 },
      }),
    )
    const first = await firstQuery(largest, context.quick ? 2 : 5)
    rows.push(
      measure({
        name: 'first query of a new snapshot (sort + filter), 100k',
        unit: 'ms',
        project: first.project,
        floor: first.floor,
        notes: `its index prepared before install, in steps of ${STEP_MS} ms: ${first.preparation.toFixed(0)} ms (median)`,
      }),
      measure({
        name: 'the same page again (view cached), 100k: p50',
        unit: 'ms',
        project: await repeatedQuery(largest, context.quick ? 100 : 1000),
      }),
      ...loopDelays,
      await serverRss(context),
    )
    return rows
  },
}

const WARM_UP_PATHS = [
  '/api/models?limit=20',
  '/api/models?sort=id&limit=20',
  '/api/models?sort=-created_at&limit=20',
  '/api/models?sort=display_name&limit=50',
  '/api/models?q=sonnet&sort=-created_at&limit=20',
  '/api/models?q=opus%204&limit=20',
]

/** The built server's resident memory once it holds the catalogue and has answered a few views of it. */
async function warmRss(context: BenchContext, models: number | undefined): Promise<number> {
  const upstream = await context.start(() => startFakeUpstream({ port: context.ports.next(), models }))
  const server = await context.start(() =>
    startBuiltServer({
      port: context.ports.next(),
      upstreamUrl: upstream.url,
      env: { CATALOGUE_TTL_SECONDS: '3600', ...(models ? ceilingsFor(models) : {}) },
    }),
  )
  for (const path of WARM_UP_PATHS) {
    const page = await getJson<{ last_id: string | null }>(`${server.url}${path}`)
    if (page.last_id) await getJson(`${server.url}${path}&after_id=${encodeURIComponent(page.last_id)}`)
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const rss = server.rssBytes()
  await server.stop()
  await upstream.stop()
  return rss
}

async function serverRss(context: BenchContext): Promise<Measure> {
  const project = await warmRss(context, 100_000)
  const floor = await warmRss(context, undefined)
  const perModel = Math.round((project - floor) / 100_000)
  context.log(
    `RSS ${(project / 2 ** 20).toFixed(1)} MB with 100k models, ${(floor / 2 ** 20).toFixed(1)} MB with the demo line-up`,
  )
  return measure({
    name: 'server RSS with 100k models loaded and a few views answered',
    unit: 'MB',
    project: project / 2 ** 20,
    floor: floor / 2 ** 20,
    notes: `about ${perModel} bytes per model above the demo line-up`,
  })
}
