import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { Measure } from './bench-item'
import { ROOT } from './processes'

export interface ItemResult {
  id: string
  title: string
  floor: string
  measuredAt: string
  seconds: number
  measures: Measure[]
  /** Set when the item could not finish; its goals count as not met. */
  error?: string
}

export interface BenchReport {
  command: string
  generatedAt: string
  commit: string | null
  /** loadAverage: the machine's 1-minute load when the report was written; shared machines are noisy. */
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number }
  items: ItemResult[]
}

const RESULTS_DIR = `${ROOT}bench/results/`
const JSON_PATH = `${RESULTS_DIR}latest.json`
const MD_PATH = `${RESULTS_DIR}latest.md`

/**
 * The new results over the last report: items not run this time keep their
 * last figures (with their own date), so `--only` refreshes part of the table.
 */
export function buildReport(results: readonly ItemResult[], command: string): BenchReport {
  const previous = readPrevious()
  const byId = new Map((previous?.items ?? []).map((item) => [item.id, item]))
  for (const result of results) byId.set(result.id, result)
  return {
    command,
    generatedAt: new Date().toISOString(),
    commit: currentCommit(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    },
    items: [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id)),
  }
}

export function writeReport(report: BenchReport): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(JSON_PATH, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(MD_PATH, reportMarkdown(report))
}

function readPrevious(): BenchReport | null {
  if (!existsSync(JSON_PATH)) return null
  try {
    return JSON.parse(readFileSync(JSON_PATH, 'utf8')) as BenchReport
  } catch {
    return null
  }
}

function currentCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

type Row = [item: string, measure: string, project: string, floor: string, ratio: string, goal: string, met: string]
const HEADER: Row = ['#', 'Measure', 'Project', 'Floor', 'Ratio', 'Goal', 'Met']

function rows(items: readonly ItemResult[]): Row[] {
  return items.flatMap((item) => {
    const label = `${item.id}. ${item.title}`
    const measured = item.measures.map((row, index): Row => [
      index === 0 ? label : '',
      row.name,
      formatValue(row.project, row.unit),
      row.floor === null ? '—' : formatValue(row.floor, row.unit),
      row.ratio === null ? '—' : row.ratio.toFixed(2),
      row.goal ?? '—',
      row.met === null ? '—' : row.met ? 'yes' : '**no**',
    ])
    if (!item.error) return measured
    const failed: Row = [measured.length ? '' : label, `did not finish: ${item.error}`, '—', '—', '—', '—', '**no**']
    return [...measured, failed]
  })
}

export function formatValue(value: number, unit: string): string {
  const magnitude = Math.abs(value)
  const digits = Number.isInteger(value) || magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return unit ? `${text} ${unit}` : text
}

/** The table for a terminal: aligned columns, no Markdown. */
export function reportText(items: readonly ItemResult[]): string {
  const all = [HEADER, ...rows(items)].map((row) => row.map((cell) => cell.replaceAll('**', '')))
  const widths = HEADER.map((_, column) => Math.max(...all.map((row) => row[column]!.length)))
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')
  return [line(all[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n')
}

export function reportMarkdown(report: BenchReport): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|')
  const table = [HEADER, ...rows(report.items)].map((row) => `| ${row.map(escape).join(' | ')} |`)
  table.splice(1, 0, `|${HEADER.map(() => '---').join('|')}|`)
  const floors = report.items.map((item) => `- **${item.id}. ${item.title}** — floor: ${item.floor}`)
  const notes = report.items.flatMap((item) =>
    item.measures.flatMap((row) => (row.notes ? [`- ${item.id}, ${row.name}: ${row.notes}`] : [])),
  )
  const { machine } = report
  return [
    `Measured with \`${report.command}\` on ${report.generatedAt.slice(0, 10)}` +
      `${report.commit ? ` at ${report.commit}` : ''}: Node ${machine.node}, ${machine.platform},` +
      ` ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverage} at the end.` +
      ' Every ratio is project ÷ floor, both measured in the same run.',
    '',
    ...table,
    '',
    'Floors:',
    '',
    ...floors,
    ...(notes.length ? ['', 'Notes:', '', ...notes] : []),
    '',
  ].join('\n')
}
