import { createTranslator } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { AppError } from '../errors';
import { TIME_ZONE } from '../i18n/config';
import { logger } from '../log';
import { formStateFromError, type FormTranslators } from './action-errors';
import type { IssueTranslator } from './validation';
import { localized } from '../i18n/localized';

function translators(locale: 'zh-CN' | 'en', namespace: 'adminPrograms' | 'milestones' | 'annotations'): FormTranslators {
  const messages = localized(locale, zhCN, en);
  return {
    t: createTranslator({ locale, messages, namespace, timeZone: TIME_ZONE }) as unknown as IssueTranslator,
    tErrors: createTranslator({ locale, messages, namespace: 'errors', timeZone: TIME_ZONE }),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('formStateFromError', () => {
  it('puts localised field messages on the fields, with their values', () => {
    const error = new AppError('VALIDATION', 'invalid input', {
      issues: [
        { path: 'reason', key: 'tooShort', values: { min: 5 } },
        { path: 'slug', key: 'slugFormat' },
        { path: '', key: 'unknownField', values: { fields: 'baselineTargetDate' } },
      ],
    });
    const zh = formStateFromError(error, translators('zh-CN', 'adminPrograms'));
    expect(zh).toEqual({
      ok: false,
      message: zhCN.errors.validation,
      fieldErrors: {
        reason: '至少需要 5 个字符。',
        slug: zhCN.adminPrograms.validation.slugFormat,
        '': '包含不允许提交的字段：baselineTargetDate。',
      },
      errorId: null,
    });
    const enState = formStateFromError(error, translators('en', 'adminPrograms'));
    expect(enState.ok === false && enState.fieldErrors.reason).toBe('Enter at least 5 characters.');
  });

  it('reads an unknown key as the generic "invalid" message rather than showing the key', () => {
    const state = formStateFromError(
      new AppError('VALIDATION', 'x', { issues: [{ path: 'titleZh', key: 'noSuchKey' }] }),
      translators('zh-CN', 'milestones'),
    );
    expect(state.ok === false && state.fieldErrors.titleZh).toBe(zhCN.milestones.validation.invalid);
  });

  it('tells a field conflict (slug taken) from a concurrent edit', () => {
    const taken = formStateFromError(new AppError('CONFLICT', 'slug', { issues: [{ path: 'slug', key: 'slugTaken' }] }), translators('en', 'adminPrograms'));
    expect(taken).toMatchObject({ message: en.errors.validation, fieldErrors: { slug: en.adminPrograms.validation.slugTaken } });
    const stale = formStateFromError(new AppError('CONFLICT', 'stale', { currentVersion: 3 }), translators('en', 'milestones'));
    expect(stale).toEqual({ ok: false, message: en.errors.conflict, fieldErrors: {}, errorId: null });
  });

  it("hands a version conflict's current row to the form, so it can show the other change and reapply", () => {
    const conflict = { version: 4, values: { titleEn: 'Theirs', isIllustrative: true }, changedBy: 'Wang Fang', changedAtShanghai: '2026-11-25 09:30:00' };
    const state = formStateFromError(new AppError('CONFLICT', 'stale', { conflict }), translators('zh-CN', 'annotations'));
    expect(state).toEqual({ ok: false, message: zhCN.errors.conflict, fieldErrors: {}, errorId: null, conflict });
  });

  it('maps refusals to their own messages', () => {
    const t = translators('zh-CN', 'annotations');
    expect(formStateFromError(new AppError('FORBIDDEN', 'no'), t).message).toBe(zhCN.errors.forbidden);
    expect(formStateFromError(new AppError('UNAUTHENTICATED', 'no'), t).message).toBe(zhCN.errors.unauthenticated);
    expect(formStateFromError(new AppError('NOT_FOUND', 'no'), t).message).toBe(zhCN.annotations.notFound);
  });

  it('logs an unexpected error in full under an id and shows only the generic message and the id', () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const prismaLike = Object.assign(new Error('Invalid `prisma.program.create()` invocation in /srv/hutong/lib/programs/mutations.ts: SQLITE_BUSY'), { code: 'P1008' });
    const state = formStateFromError(prismaLike, translators('en', 'adminPrograms'), { action: 'program.create' });
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.message).toBe(en.errors.generic);
    expect(state.errorId).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(state)).not.toMatch(/prisma|SQLITE|P1008|mutations\.ts/i);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ err: prismaLike, errorId: state.errorId, action: 'program.create' }), 'unexpected error');
  });
});
