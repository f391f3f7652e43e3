import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useRef, useState } from 'react'
import { PartBoundary } from '../../../components/part-boundary'
import { Button } from '../../../components/ui/button'
import { Callout } from '../../../components/ui/callout'
import { KeyboardIcon } from '../../../components/ui/icons'
import { PageBehindDialog } from '../../../components/ui/page-behind-dialog'
import { healthQueryOptions } from '../api/get-health'
import { NEW_FOR_DAYS, useNewModels } from '../../changes/api/get-seen'
import { useKeyboardShortcuts } from '../../shortcuts/hooks/use-keyboard-shortcuts'
import { useModelPages } from '../hooks/use-model-pages'
import { readModelsSearchParams, TABS, useModelsSearchParams } from '../hooks/use-models-search-params'
import { useDocumentTitle } from '../hooks/use-document-title'
import { WorkspaceContext } from '../../workspaces/hooks/use-workspace'
import { useModelsTable } from '../hooks/use-models-table'
import { activeFilterCount } from '../hooks/active-filter-count'
import { useNow } from '../../../hooks/use-now'
import { lazyModule } from '../../../lib/lazy-module'
import { useReturnFocusToRow } from '../hooks/use-return-focus-to-row'
import { useAnnounceResults } from '../../../hooks/use-announce-results'
import { describeResults } from './describe-results'
import { CatalogueHeader } from './catalogue-header'
import { ColumnsMenu } from './columns-menu'
import { DataTable } from './data-table'
import { ModelCardList } from './model-card-list'
import { DataTablePagination } from '../../../components/data-table-pagination'
import { DataTableToolbar } from './data-table-toolbar'
import { DemoBanner } from './demo-banner'
import { ErrorCallout } from '../../../components/error-callout'
import { LifecycleFilter } from './lifecycle-filter'
import { ModelFacets } from './model-facets'
import { NoModels } from './no-models'
import { SkipToTable } from './skip-to-table'
import { StaleDataWarning } from './stale-data-warning'
import { ViewTabs } from './view-tabs'
import { WorkspaceSelect } from '../../workspaces/components/workspace-select'
import { ModelIdCheck } from '../../model-id-check/components/model-id-check'

// Most visits never open a model or the Changes view: they share one chunk, fetched on first use.
// (As two chunks, the bundler moved React out of the entry into a chunk of its own: more bytes.)
const panels = lazyModule(() => import('./lazy-panels'))
// Likewise the shortcut list. (Not the id check: every view shows it, in the footer, so the page could not be
// taken over before it had loaded; in the entry it costs fewer bytes than as a request of its own.)
const shortcuts = lazyModule(() => import('../../shortcuts/components/shortcuts-dialog'))

/** Every part the dashboard loads lazily, loaded: the server renders them in place rather than their fallbacks. */
export const loadLazyParts = () => Promise.all([panels.load(), shortcuts.load()])

/**
 * The lazy parts the page with query string `search` shows at once, loaded.
 * The browser takes a server-rendered page over once they are: a part taken
 * over before its code is there would be dropped and drawn again (a shift).
 */
export function loadPartsShownBy(search: string): Promise<unknown> {
  const { view, model, compare } = readModelsSearchParams(search)
  const shownPanels = view !== 'models' || model !== null || (compare?.length ?? 0) > 0
  return shownPanels ? panels.load() : Promise.resolve()
}

const ModelDetailDialog = panels.component((module) => module.ModelDetailDialog)
const ShortcutsDialog = shortcuts.component((module) => module.ShortcutsDialog)
const ChangesView = panels.component((module) => module.ChangesView)
const AvailabilityView = panels.component((module) => module.AvailabilityView)
const CompareModels = panels.component((module) => module.CompareModels)
// With the comparison: shown only once a model is chosen, which loads the panels (loadPartsShownBy for a link).
const CompareBar = panels.component((module) => module.CompareBar)

/** The dashboard: the catalogue as a sortable, filterable table of cursor pages, and one model in a dialog. */
export function ModelsDashboard() {
  const params = useModelsSearchParams()
  useDocumentTitle(params)
  const pages = useModelPages(params)
  const health = useQuery(healthQueryOptions(params.workspace))
  // The list of workspaces, from the default one: it answers even when the URL names an unknown workspace.
  const workspaces = useQuery(healthQueryOptions(null)).data?.workspaces ?? NO_WORKSPACES
  const now = useNow(60_000)
  const filterRef = useRef<HTMLInputElement>(null)
  const [showShortcuts, setShowShortcuts] = useState(false)
  // Read before the page turns inert (which takes focus from it) and before the lazy list has loaded.
  const [shortcutsOpener, setShortcutsOpener] = useState<Element | null>(null)
  const openShortcuts = () => {
    setShortcutsOpener(document.activeElement)
    setShowShortcuts(true)
  }
  const newModels = useNewModels(params.workspace, now)
  const onModels = params.tab === 'models'

  const openModel = (id: string) => void params.openModel(id)

  // Another page (its rows, cards and range) is drawn in a render of its own, which yields to the browser: a
  // click on Next or a header is painted at once and the page follows (issue 10: input to next paint within
  // 200 ms with the CPU 4× slower; a page of rows drawn in the click's own render took longer). The first page
  // is drawn at once: before it, nothing is on screen to answer with.
  const deferredPage = useDeferredValue(pages.page)
  const page = pages.page === undefined ? undefined : (deferredPage ?? pages.page)
  const table = useModelsTable({
    rows: page?.data ?? NO_ROWS,
    sort: params.sort,
    onSortChange: (sort) => void params.setSort(sort),
    openModel,
    now,
    columns: params.columns,
    newIds: newModels.ids,
    compared: params.compared,
    setCompared: (id, chosen) =>
      void params.setCompared(chosen ? [...params.compared, id] : params.compared.filter((each) => each !== id)),
  })

  // The view's results, once they are on screen: the rows of a page of the view asked for, not of the last one
  // (nor of the page still drawn while the one asked for follows).
  const { limit: _pageSize, ...selection } = params.view
  useAnnounceResults(
    JSON.stringify(selection),
    onModels && page && page === pages.page && !pages.isLoading && !pages.error
      ? describeResults(params.sort, page.total)
      : null,
  )

  const closeModel = () => void params.closeModel()
  useReturnFocusToRow(params.model)

  useKeyboardShortcuts({
    '/': () => {
      filterRef.current?.focus()
      filterRef.current?.select()
    },
    '?': openShortcuts,
    // The same as the paging buttons: nothing when there is no such page.
    n: onModels ? pages.goNext : NOTHING,
    p: onModels ? pages.goPrevious : NOTHING,
  })
  const dialogOpen = params.model !== null || showShortcuts

  return (
    <WorkspaceContext value={params.workspace}>
      <PageBehindDialog
        dialogOpen={dialogOpen}
        className="mx-auto flex max-w-6xl flex-col gap-3 px-3 py-4 sm:px-6 sm:py-6"
      >
        {onModels && <SkipToTable />}
        <CatalogueHeader
          fetchedAt={page?.fetched_at ?? health.data?.catalogue.fetched_at ?? null}
          onRefresh={pages.refresh}
          isRefreshing={pages.isRefreshing}
          workspace={params.workspace}
          // Availability shows every workspace side by side: a selector there would do nothing.
          workspaceSelect={
            params.tab !== 'availability' && (
              <WorkspaceSelect
                workspaces={workspaces}
                value={params.workspace}
                onChange={(workspace) => void params.setWorkspace(workspace)}
              />
            )
          }
        />
        {health.data?.mode === 'demo' && <DemoBanner />}
        {page?.refresh_error && <StaleDataWarning fetchedAt={page.fetched_at} reason={page.refresh_error} />}
        {pages.notice && <Callout tone="info" role="status" title={pages.notice} />}
        {onModels && newModels.truncated && (
          <Callout
            tone="warning"
            role="status"
            title={`Some “New” badges may be missing: more models came or went in the last ${NEW_FOR_DAYS} days than the ${newModels.loaded.toLocaleString('en')} loaded`}
          >
            The badges come from the first of them by id. The Changes view lists every change.
          </Callout>
        )}
        {/* One Retry on screen: the list's own error callout, when it has one, covers a failed Refresh too. */}
        {pages.refreshError && !pages.error && (
          <ErrorCallout
            error={pages.refreshError.error}
            failedAt={pages.refreshError.failedAt}
            onRetry={pages.refresh}
          />
        )}
        <ViewTabs
          tab={params.tab}
          tabs={workspaces.length > 1 || params.tab === 'availability' ? TABS : SINGLE_WORKSPACE_TABS}
          workspace={params.workspace}
          onChange={(tab) => void params.setTab(tab)}
        />
        {onModels ? (
          <>
            <DataTableToolbar
              filter={params.q}
              onFilterChange={(q) => void params.setFilter(q)}
              limit={params.limit}
              onLimitChange={(limit) => void params.setLimit(limit)}
              filterRef={filterRef}
              view={params.view}
              activeFilters={activeFilterCount(params.view.lifecycle === null, params.facets)}
              failed={pages.error !== null}
            >
              <div className="flex basis-full flex-wrap items-center justify-between gap-2">
                <LifecycleFilter value={params.lifecycle} onChange={(stages) => void params.setLifecycle(stages)} />
                <ColumnsMenu value={params.columns} onChange={(columns) => void params.setColumns(columns)} />
              </div>
              <div className="basis-full">
                <ModelFacets value={params.facets} onChange={(next) => void params.setFacets(next)} />
              </div>
            </DataTableToolbar>
            {params.compared.length > 0 && (
              <PartBoundary fallback={null}>
                <CompareModels ids={params.compared} onChange={(ids) => void params.setCompared(ids)} />
              </PartBoundary>
            )}
            {pages.error ? (
              <ErrorCallout error={pages.error.error} failedAt={pages.error.failedAt} onRetry={pages.retry} />
            ) : page?.data.length === 0 ? (
              // Once, for the table and the cards alike: a message, not an empty grid.
              <NoModels
                query={params.view.q}
                filtered={params.isFiltered}
                onClearFilter={() => void (params.isFiltered ? params.clearFilters() : params.setFilter(''))}
              />
            ) : (
              <>
                <DataTable
                  table={table}
                  isLoading={!page}
                  isBusy={page !== undefined && pages.isLoading}
                  isDrawing={page !== pages.page}
                  skeletonRows={params.limit}
                />
                <ModelCardList
                  table={table}
                  isLoading={!page}
                  isBusy={page !== undefined && pages.isLoading}
                  isDrawing={page !== pages.page}
                  skeletonCards={params.limit}
                />
              </>
            )}
            <p role="status" className="sr-only">
              {pages.isLoading && !pages.error ? 'Loading models…' : ''}
            </p>
            <DataTablePagination
              page={pages.error ? undefined : page}
              canGoPrevious={pages.canGoPrevious}
              canGoNext={pages.canGoNext}
              onPrevious={pages.goPrevious}
              onNext={pages.goNext}
            />
            {params.compared.length > 0 && (
              <PartBoundary fallback={null}>
                <CompareBar compared={params.compared} onClear={() => void params.setCompared([])} />
              </PartBoundary>
            )}
          </>
        ) : (
          <PartBoundary
            fallback={
              <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
                Loading…
              </p>
            }
          >
            {params.tab === 'changes' ? (
              <ChangesView
                search={params.goneSearch}
                onSearchChange={(search) => void params.setGoneSearch(search)}
                kinds={params.changeKinds}
                onKindsChange={(kinds) => void params.setChangeKinds(kinds)}
                since={params.changesSince}
                onSinceChange={(since) => void params.setSince(since)}
                onOpenModel={openModel}
              />
            ) : (
              <AvailabilityView now={now} onOpenModel={openModel} />
            )}
          </PartBoundary>
        )}
        <footer className="mt-2 flex flex-wrap items-end justify-between gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <ModelIdCheck onOpenModel={openModel} />
          <Button variant="ghost" aria-keyshortcuts="?" onClick={openShortcuts}>
            <KeyboardIcon />
            Keyboard shortcuts
          </Button>
        </footer>
      </PageBehindDialog>
      {showShortcuts && (
        <PartBoundary fallback={null}>
          <ShortcutsDialog openedFrom={shortcutsOpener} onClose={() => setShowShortcuts(false)} />
        </PartBoundary>
      )}
      {params.model !== null && (
        <PartBoundary fallback={null}>
          <ModelDetailDialog
            key={params.model}
            id={params.model}
            placeholder={page?.data.find((model) => model.id === params.model)}
            onClose={closeModel}
            onOpenModel={(id) => void params.openModel(id)}
            compared={params.compared}
            onCompare={(ids) => void params.setCompared(ids)}
          />
        </PartBoundary>
      )}
    </WorkspaceContext>
  )
}

const NO_ROWS: never[] = []
const NO_WORKSPACES: string[] = []
// Availability compares workspaces: with one, its tab has nothing to say.
const SINGLE_WORKSPACE_TABS = TABS.filter((tab) => tab !== 'availability')
const NOTHING = () => {}
