import { Counter, Histogram, Registry } from 'prom-client'

// From a cached page (tens of microseconds) to a page rendered on a cold snapshot (seconds).
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
// One history query (a millisecond) to a walk of 100k models written in steps, or a timeout (seconds).
const STORE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
// One page of the model list, from a near upstream to one that runs into the timeout.
const UPSTREAM_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

/**
 * The server's own Prometheus series, in a registry of this app's own (not
 * prom-client's global one), so two apps in one process, as in tests, never
 * mix their counts. The catalogue's gauges are added to it by
 * registerCatalogueGauges; the process's defaults by the entry.
 */
export function createMetrics() {
  const registry = new Registry()
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template (never the raw path), method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: HTTP_BUCKETS,
      registers: [registry],
    }),
    upstreamRequests: new Counter({
      name: 'model_catalogue_upstream_requests_total',
      help: 'Requests to the Anthropic API (each try of the SDK counts), by workspace and outcome.',
      labelNames: ['workspace', 'outcome'] as const,
      registers: [registry],
    }),
    upstreamRequestDuration: new Histogram({
      name: 'model_catalogue_upstream_request_duration_seconds',
      help: 'Time until the Anthropic API answered with its headers, or the request failed.',
      buckets: UPSTREAM_BUCKETS,
      registers: [registry],
    }),
    refreshFailures: new Counter({
      name: 'model_catalogue_refresh_failures_total',
      help: 'Catalogue refreshes (walks of the model list) that failed, by workspace and reason; the older snapshot is served meanwhile.',
      labelNames: ['workspace', 'reason'] as const,
      registers: [registry],
    }),
    historyStoreDuration: new Histogram({
      name: 'model_catalogue_history_store_duration_seconds',
      help: 'Time the history store took for one operation (a walk written, a page of changes read, ...), by engine, operation and outcome.',
      labelNames: ['engine', 'operation', 'outcome'] as const,
      buckets: STORE_BUCKETS,
      registers: [registry],
    }),
    historyStoreErrors: new Counter({
      name: 'model_catalogue_history_store_errors_total',
      help: 'History store operations that failed (database down, slow or refusing), by engine and operation; history endpoints answer 503 meanwhile and walks are written later.',
      labelNames: ['engine', 'operation'] as const,
      registers: [registry],
    }),
  }
}
export type Metrics = ReturnType<typeof createMetrics>
