import { afterEach, describe, expect, it, vi } from 'vitest';

const start = vi.fn(() => Promise.resolve(null));
const logError = vi.fn();
const startPurge = vi.fn();
vi.mock('./schedule', () => ({ startConfiguredSummarySchedule: start }));
vi.mock('../ops/purge', () => ({ startPurgeSchedule: startPurge }));
vi.mock('../log', () => ({ logger: { error: logError } }));

const { register } = await import('../../instrumentation');

describe('instrumentation register()', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    start.mockReset();
    startPurge.mockReset();
    logError.mockReset();
  });

  it('starts the summary schedule and the purge of expired rows in the Node.js server', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    await register();
    expect(start).toHaveBeenCalledTimes(1);
    expect(startPurge).toHaveBeenCalledTimes(1);
  });

  it('does nothing in the edge runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'edge');
    await register();
    expect(start).not.toHaveBeenCalled();
    expect(startPurge).not.toHaveBeenCalled();
  });

  it('logs a schedule that cannot start instead of stopping the server', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    start.mockRejectedValueOnce(new Error('SUMMARY_SCHEDULE: use a weekday'));
    await expect(register()).resolves.toBeUndefined();
    expect(logError).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'weekly summary schedule not started');
  });
});
