/** The site's name: the title of the plain list, and the end of every view's title. */
export const SITE_NAME = 'Model catalogue'

export const SITE_DESCRIPTION =
  'The Anthropic model catalogue: every model with its context window, output limit, capabilities and lifecycle, and what changed.'

export interface PageTitle {
  title: string
  description: string
}

/**
 * The title and description of the view a page URL names: the open model
 * (`model=`, by its display name when `displayName` knows it), Changes,
 * Availability, a search (`q=`), or the list. The server writes them into the
 * page (index-page.ts) and the dashboard keeps document.title in step, from
 * the same function.
 */
export function pageTitle(search: URLSearchParams, displayName: (id: string) => string | undefined): PageTitle {
  const model = search.get('model')
  if (model) {
    const name = displayName(model) ?? model
    return {
      title: `${name} · ${SITE_NAME}`,
      description: `${name} in the model catalogue: limits, capabilities and lifecycle.`,
    }
  }
  const view = search.get('view')
  if (view === 'changes') {
    return {
      title: `Changes · ${SITE_NAME}`,
      description: 'What changed in the model catalogue: models added, updated, deprecated and retired.',
    }
  }
  if (view === 'availability') {
    return { title: `Availability · ${SITE_NAME}`, description: 'Which models each workspace can use.' }
  }
  const q = search.get('q')?.trim()
  if (q) return { title: `“${q}” · ${SITE_NAME}`, description: `Models matching “${q}” in the model catalogue.` }
  return { title: SITE_NAME, description: SITE_DESCRIPTION }
}
