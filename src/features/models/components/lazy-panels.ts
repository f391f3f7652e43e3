// The dashboard's panels that most visits never open, as one lazy chunk: see models-dashboard.tsx.
export { AvailabilityView } from '../../availability/components/availability-view'
export { ChangesView } from '../../changes/components/changes-view'
export { ModelDetailDialog } from './model-detail-dialog'
export { CompareModels } from './compare-models'
export { CompareBar } from './compare-bar'
