import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { AppError, type AppErrorCode } from '../errors';
import { failureFromAppError } from './form-state';
import { ERROR_KEYS } from './schema';

type Tree = { [key: string]: string | Tree };
function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

const row = { entity: 'city', programSlug: 'p', code: '4403', version: 7 };

describe('form state from a refusal', () => {
  it('VALIDATION: field errors as keys, the form-level one as formError', () => {
    const state = failureFromAppError(new AppError('VALIDATION', 'x', { fieldErrors: { liveDate: ERROR_KEYS.liveDateInFuture, _form: ERROR_KEYS.noChanges } }));
    expect(state).toEqual({
      ok: false,
      fieldErrors: { liveDate: 'statusForm.errors.liveDateInFuture', _form: 'statusForm.errors.noChanges' },
      formError: 'statusForm.errors.noChanges',
    });
  });

  it('VALIDATION of a file: the file message with its values', () => {
    const state = failureFromAppError(new AppError('VALIDATION', 'x', { fileError: { key: 'import.errors.header', values: { header: 'a,b' } } }));
    expect(state).toEqual({ ok: false, formError: 'import.errors.header', formErrorValues: { header: 'a,b' } });
  });

  it("CONFLICT: carries the other person's row (and all rows of a bulk edit)", () => {
    expect(failureFromAppError(new AppError('CONFLICT', 'x', { current: row }))).toEqual({ ok: false, formError: 'conflict.title', conflict: { current: row } });
    expect(failureFromAppError(new AppError('CONFLICT', 'x', { current: row, currentRows: [row] })).conflict?.currentRows).toEqual([row]);
  });

  it('never leaks a server message: every code maps to a key that exists in both languages', () => {
    const codes: AppErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'VALIDATION', 'RATE_LIMITED'];
    const keys = [
      ...codes.map((code) => failureFromAppError(new AppError(code, 'SELECT * FROM "User" -- internal detail', { current: row })).formError),
      ...Object.values(ERROR_KEYS),
      'verify.errors.alreadyVerified',
      'conflict.reapplied',
    ];
    for (const key of keys) {
      expect(key).toBeDefined();
      expect(has(zhCN as Tree, key!), key).toBe(true);
      expect(has(en as Tree, key!), key).toBe(true);
    }
  });
});
