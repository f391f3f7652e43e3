import { expect, test } from '@playwright/test'

// The built server as deployed: probes, the metrics with the process's defaults, and request ids on every path.
const REQUEST_ID = /^req_[0-9A-Za-z]{24}$/

test('the probes answer without naming workspaces or errors', async ({ request }) => {
  const live = await request.get('/healthz')
  expect(live.status()).toBe(200)
  expect(await live.text()).toBe('ok\n')
  // The e2e server has a workspace whose key the upstream refuses: its reported failure still counts as ready.
  await expect.poll(async () => (await request.get('/readyz')).status()).toBe(200)
  expect(await (await request.get('/readyz')).text()).toBe('ready\nhistory store: sqlite, reachable\n')
})

test('/metrics gives the catalogue, the refresh failures by reason and the process defaults', async ({ request }) => {
  await request.get('/api/models?workspace=broken&refresh=1')
  await request.get('/api/models?limit=3')
  const response = await request.get('/metrics')
  expect(response.status()).toBe(200)
  const text = await response.text()
  expect(text).toMatch(/^model_catalogue_models\{workspace="default",lifecycle="active"\} [1-9]\d*$/m)
  expect(text).toMatch(/^model_catalogue_snapshot_age_seconds\{workspace="staging"\} /m)
  expect(text).toMatch(/^model_catalogue_refresh_failures_total\{workspace="broken",reason="auth_error"\} [1-9]/m)
  expect(text).toMatch(/^model_catalogue_upstream_requests_total\{workspace="default",outcome="ok"\} [1-9]/m)
  expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/api\/models",method="GET",status="200"\} /m)
  expect(text).toMatch(/^process_cpu_seconds_total /m)
  expect(text).toMatch(/^nodejs_heap_size_used_bytes /m)
})

test('every answer has a request id, the cached list pages of the fast path too', async ({ request }) => {
  const path = '/api/models?limit=2&sort=id'
  const first = await request.get(path)
  const cached = await request.get(path)
  const failed = await request.get('/api/models?limit=0')
  const ids = [first, cached, failed].map((response) => response.headers()['request-id'])
  for (const id of ids) expect(id).toMatch(REQUEST_ID)
  expect(new Set(ids).size).toBe(3)
  expect(((await failed.json()) as { request_id: string }).request_id).toBe(ids[2])
})
