import { beforeEach, describe, expect, it, vi } from 'vitest';

const TOKEN = 'metrics-test-token-0123456789';
const env = vi.hoisted(() => ({ metricsToken: undefined as string | undefined }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, getEnv: () => ({ ...actual.parseEnv({ LOG_LEVEL: 'silent' }), metricsToken: env.metricsToken }) };
});
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => ({}),
}));

const { GET } = await import('./route');
const { countRateLimitRefusal, recordRequest } = await import('@/lib/metrics/registry');

const scrape = (authorization?: string) =>
  GET(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }));

describe('GET /api/metrics', () => {
  beforeEach(() => {
    env.metricsToken = TOKEN;
  });

  it('does not exist unless METRICS_TOKEN is set', async () => {
    env.metricsToken = undefined;
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('refuses a scraper without the token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-wrong-token-00')).status).toBe(401);
  });

  it('reports requests by route, errors, refusals and queue depths in Prometheus text format', async () => {
    recordRequest('GET', '/api/v1/programs/qr-a/cities/4403?x=1', 200, 0.02);
    recordRequest('GET', '/summary/2021-W48/pdf', 503, 0.5);
    countRateLimitRefusal('login:ip:192.0.2.1');
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('hutong_http_requests_total{route="/api/v1/programs/qr-a/cities/:code",method="GET",status="200"} 1');
    expect(text).toContain('hutong_http_errors_total{route="/summary/:week/pdf"} 1');
    expect(text).toContain('hutong_rate_limit_refusals_total{limit="login:ip"} 1');
    expect(text).toMatch(/hutong_queue_depth\{queue="sign_in",state="running"\} 0/);
    expect(text).toMatch(/hutong_queue_depth\{queue="pdf",state="waiting"\} 0/);
    expect(text).toContain('hutong_http_request_duration_seconds_bucket');
    expect(text).not.toContain('192.0.2.1');
  });
});
