import { afterEach, describe, expect, it, vi } from 'vitest';

/** Loads the routes afresh, so lib/env.ts reads the environment as stubbed. */
async function loadRoutes() {
  vi.resetModules();
  const json = await import('./json/route');
  const page = await import('./page/page');
  return { json, page };
}

function notFoundDigest(render: () => unknown): string | undefined {
  try {
    render();
  } catch (error) {
    return (error as { digest?: string }).digest;
  }
  return undefined;
}

describe('the bench reference routes', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('answer 404 unless HUTONG_BENCH_ROUTES is set', async () => {
    vi.stubEnv('HUTONG_BENCH_ROUTES', undefined);
    const { json, page } = await loadRoutes();
    const response = json.GET();
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
    expect(notFoundDigest(() => page.default())).toMatch(/;404$/);
  });

  it('answer ~3 KB of JSON and a page when it is set', async () => {
    vi.stubEnv('HUTONG_BENCH_ROUTES', 'true');
    const { json, page } = await loadRoutes();
    const response = json.GET();
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body.length).toBeGreaterThanOrEqual(3000);
    expect(body.length).toBeLessThan(3200);
    expect(notFoundDigest(() => page.default())).toBeUndefined();
  });
});
