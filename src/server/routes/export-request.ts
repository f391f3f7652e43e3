import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat } from '../catalogue/export-format'
import { badRequest, type HttpError } from '../errors'

// An export is the whole view: a page size or a cursor would silently cut it, so they are refused.
const PAGING_PARAMS = ['limit', 'after_id', 'before_id'] as const

/** The format an export asks for (`format=csv|json`, once), or why the request is refused. */
export function exportFormatOf(search: URLSearchParams): { format: ExportFormat } | { refused: HttpError } {
  const formats = search.getAll('format')
  const format = formats[0]
  if (formats.length !== 1 || !isExportFormat(format)) {
    return { refused: badRequest(`format must be given once, as ${EXPORT_FORMATS.join(' or ')}`) }
  }
  const paging = PAGING_PARAMS.filter((name) => search.has(name))
  if (paging.length > 0) {
    return {
      refused: badRequest(
        `An export is the whole view: leave out ${paging.join(', ')} (it takes only the view's parameters).`,
      ),
    }
  }
  return { format }
}

function isExportFormat(value: string | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(value)
}

/** The headers of every export download. */
export function exportHeaders(format: ExportFormat, filename: string, count: number) {
  return {
    'Content-Type': EXPORT_CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'X-Total-Count': String(count),
  }
}
