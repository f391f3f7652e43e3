import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * Fails on any import circle in src/, type-only imports included: ESLint's
 * import-x/no-cycle (also in `npm run lint`) skips `import type`, yet a type
 * imported from a module that imports you is the same knot in the layering.
 * `tsx scripts/check-import-cycles.ts`; exits 1 and names each circle found.
 */
const ROOT = resolve(import.meta.dirname, '..')
const SOURCE = join(ROOT, 'src')
const EXTENSIONS = ['.ts', '.tsx']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return EXTENSIONS.some((extension) => entry.name.endsWith(extension)) ? [path] : []
  })
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = resolve(dirname(from), specifier)
  return [base, ...EXTENSIONS.map((extension) => base + extension)].find(
    (candidate) => EXTENSIONS.some((extension) => candidate.endsWith(extension)) && existsSync(candidate),
  )
}

const files = sourceFiles(SOURCE)
const imports = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles.map((imported) => resolveImport(file, imported.fileName))
    return [file, [...new Set(targets.filter((target) => target !== undefined))]] as const
  }),
)

// Tarjan's strongly connected components: every component of more than one file (or a file importing itself) is a circle.
const index = new Map<string, number>()
const lowLink = new Map<string, number>()
const stack: string[] = []
const onStack = new Set<string>()
const circles: string[][] = []
function visit(file: string): void {
  index.set(file, index.size)
  lowLink.set(file, index.get(file)!)
  stack.push(file)
  onStack.add(file)
  for (const target of imports.get(file) ?? []) {
    if (!index.has(target)) {
      visit(target)
      lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!))
    } else if (onStack.has(target)) {
      lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!))
    }
  }
  if (lowLink.get(file) !== index.get(file)) return
  const component: string[] = []
  let member: string
  do {
    member = stack.pop()!
    onStack.delete(member)
    component.push(member)
  } while (member !== file)
  if (component.length > 1 || imports.get(file)?.includes(file)) circles.push(component)
}
for (const file of files) if (!index.has(file)) visit(file)

if (circles.length > 0) {
  for (const circle of circles) {
    console.error(`Import circle: ${circle.map((file) => relative(ROOT, file)).join(' <-> ')}`)
  }
  process.exit(1)
}
console.info(`No import circles among ${files.length} files of src/.`)
