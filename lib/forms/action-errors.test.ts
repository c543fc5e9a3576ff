import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { AppError } from '../errors';
import { logger } from '../log';
import { formStateFromError } from './action-errors';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('formStateFromError', () => {
  it('describes every field at fault in the user’s language, in the one issue shape', () => {
    const error = new AppError('VALIDATION', 'invalid input', {
      issues: [
        { path: 'reason', code: 'tooShort', values: { min: 5 } },
        { path: 'slug', code: 'slugFormat' },
        { path: 'baselineTargetDate', code: 'unknownField', values: { field: 'baselineTargetDate' } },
      ],
    });
    const zh = formStateFromError(error, 'zh-CN');
    expect(zh).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: zhCN.errors.validation,
      issues: [
        { path: 'reason', code: 'tooShort', message: '至少需要 5 个字符。' },
        { path: 'slug', code: 'slugFormat', message: zhCN.validation.slugFormat },
        { path: 'baselineTargetDate', code: 'unknownField', message: zhCN.validation.unknownField },
      ],
      errorId: null,
    });
    expect(formStateFromError(error, 'en').issues[0]?.message).toBe('Enter at least 5 characters.');
  });

  it('reads an unknown code as the generic "invalid" message rather than showing the code', () => {
    const state = formStateFromError(new AppError('VALIDATION', 'x', { issues: [{ path: 'titleZh', code: 'noSuchCode' }] }), 'zh-CN');
    expect(state.issues).toEqual([{ path: 'titleZh', code: 'noSuchCode', message: zhCN.validation.invalid }]);
  });

  it('tells a field conflict (slug taken) from a concurrent edit, and a whole-form refusal says so itself', () => {
    const taken = formStateFromError(new AppError('CONFLICT', 'slug', { issues: [{ path: 'slug', code: 'slugTaken' }] }), 'en');
    expect(taken).toMatchObject({ code: 'CONFLICT', message: en.errors.validation, issues: [{ path: 'slug', message: en.validation.slugTaken }] });
    expect(taken.conflict).toBeUndefined();
    const lastAdmin = formStateFromError(new AppError('CONFLICT', 'last admin', { issues: [{ path: '', code: 'lastAdmin' }] }), 'en');
    expect(lastAdmin.message).toBe(en.validation.lastAdmin);
    const stale = formStateFromError(new AppError('CONFLICT', 'stale', { currentVersion: 3 }), 'en');
    expect(stale).toEqual({ ok: false, code: 'CONFLICT', message: en.errors.conflict, issues: [], errorId: null });
  });

  it("hands a version conflict's current row to the form, so it can show the other change and reapply", () => {
    const conflict = { version: 4, values: { titleEn: 'Theirs', isIllustrative: true }, changedBy: 'Wang Fang', changedAtShanghai: '2026-11-25 09:30:00' };
    const state = formStateFromError(new AppError('CONFLICT', 'stale', { conflict }), 'zh-CN');
    expect(state).toEqual({ ok: false, code: 'CONFLICT', message: zhCN.errors.conflict, issues: [], errorId: null, conflict });
  });

  it('maps refusals to their own messages', () => {
    expect(formStateFromError(new AppError('FORBIDDEN', 'no'), 'zh-CN').message).toBe(zhCN.errors.forbidden);
    expect(formStateFromError(new AppError('UNAUTHENTICATED', 'no'), 'zh-CN').message).toBe(zhCN.errors.unauthenticated);
    expect(formStateFromError(new AppError('NOT_FOUND', 'no'), 'zh-CN').message).toBe(zhCN.errors.recordNotFound);
  });

  it('logs an unexpected error in full under an id and shows only the generic message and the id', () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const prismaLike = Object.assign(new Error('Invalid `prisma.program.create()` invocation in /srv/app/lib/programs/mutations.ts: SQLITE_BUSY'), { code: 'P1008' });
    const state = formStateFromError(prismaLike, 'en', { action: 'program.create' });
    expect(state).toMatchObject({ ok: false, code: 'INTERNAL', message: en.errors.generic, issues: [] });
    expect(state.errorId).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(state)).not.toMatch(/prisma|SQLITE|P1008|\/srv\//i);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ err: prismaLike, errorId: state.errorId, action: 'program.create' }), 'unexpected error');
  });
});
