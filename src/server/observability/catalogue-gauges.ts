import { Gauge, type Registry } from 'prom-client'
import { LIFECYCLES } from '../../contract/list-params'
import { lifecycleOf } from '../catalogue/lifecycle-of'
import type { Workspaces } from '../workspaces/workspaces'

/**
 * The catalogue as Prometheus series, computed from the snapshots at each
 * scrape, so they always say what the dashboard shows. A workspace without a
 * snapshot yet has no catalogue series; its models count from the first walk.
 */
export function registerCatalogueGauges(registry: Registry, workspaces: Workspaces, now: () => number): void {
  const snapshots = () =>
    workspaces.all.flatMap(({ name, catalogue }) => {
      const { snapshot } = catalogue.peek()
      return snapshot ? [{ workspace: name, snapshot }] : []
    })

  new Gauge({
    name: 'model_catalogue_models',
    help: 'Models in the workspace, by lifecycle stage (0 for a stage with none).',
    labelNames: ['workspace', 'lifecycle'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const { workspace, snapshot } of snapshots()) {
        for (const lifecycle of LIFECYCLES) this.set({ workspace, lifecycle }, 0)
        for (const model of snapshot.models) this.inc({ workspace, lifecycle: lifecycleOf(model) })
      }
    },
  })

  new Gauge({
    name: 'model_catalogue_model_info',
    help: 'Always 1: one series per model in the workspace, with its name, line and lifecycle stage as labels.',
    labelNames: ['workspace', 'id', 'display_name', 'line', 'lifecycle'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const { workspace, snapshot } of snapshots()) {
        for (const model of snapshot.models) {
          // The upstream does not report a model line yet: the label is empty until it does.
          const line = typeof model.line === 'string' ? model.line : ''
          const labels = { workspace, id: model.id, display_name: model.display_name, line }
          this.set({ ...labels, lifecycle: lifecycleOf(model) }, 1)
        }
      }
    },
  })

  new Gauge({
    name: 'model_catalogue_model_retires_at_seconds',
    help: 'When a model retires, as a Unix time in seconds; only models with a retirement date.',
    labelNames: ['workspace', 'id'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const { workspace, snapshot } of snapshots()) {
        for (const model of snapshot.models) {
          const retiresAt = model.retires_at ? Date.parse(model.retires_at) : Number.NaN
          if (!Number.isNaN(retiresAt)) this.set({ workspace, id: model.id }, retiresAt / 1000)
        }
      }
    },
  })

  new Gauge({
    name: 'model_catalogue_snapshot_age_seconds',
    help: "Age of the workspace's catalogue snapshot: it grows while refreshes fail.",
    labelNames: ['workspace'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const { workspace, snapshot } of snapshots()) {
        this.set({ workspace }, Math.max(0, (now() - snapshot.fetchedAt) / 1000))
      }
    },
  })
}
