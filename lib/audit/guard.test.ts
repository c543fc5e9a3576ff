import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestContext } from '../auth/viewer';
import type { Db } from '../db';
import { AppError } from '../errors';
import { logger } from '../log';
import { auditRefusals } from './guard';

const ctx: RequestContext = { viewer: { id: 'u1', email: 'pm@hutong.test', name: '经理', role: 'PROGRAM_MANAGER', institutionCode: null }, ip: null };

/** A database whose every write fails, as when it is locked or down. */
const brokenDb = { $transaction: () => Promise.reject(new Error('SQLITE_BUSY: database is locked')) } as unknown as Db;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('auditRefusals', () => {
  it('a refusal stays a refusal when its audit row cannot be written; the failure is logged with an error id', async () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const refusal = new AppError('FORBIDDEN', 'PARTNER may not program.manage');
    await expect(auditRefusals(brokenDb, ctx, { action: 'program.create', entityType: 'Program' }, () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ errorId: expect.stringMatching(/^[0-9a-f]{12}$/), during: 'auditDenied', action: 'program.create', refusal: 'FORBIDDEN' }),
      'unexpected error',
    );
  });

  it('audits nothing for an unexpected error, which the boundary logs itself', async () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const fault = new Error('boom');
    await expect(auditRefusals(brokenDb, ctx, { action: 'program.create' }, () => Promise.reject(fault))).rejects.toBe(fault);
    expect(log).not.toHaveBeenCalled();
  });
});
