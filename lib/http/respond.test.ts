import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { invalidField, invalidInput } from '../forms/validate-input';
import { apiLocale, errorAnswer } from './respond';

describe('apiLocale', () => {
  it('answers in Chinese only when the caller prefers it to English', () => {
    expect(apiLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(apiLocale('en-US,en;q=0.9,zh-CN;q=0.5')).toBe('en');
    expect(apiLocale('fr-FR, zh;q=0.3')).toBe('zh-CN');
    expect(apiLocale('fr-FR')).toBe('en');
    expect(apiLocale(null)).toBe('en');
  });
});

describe('errorAnswer: one 422 shape', () => {
  it('lists every field at fault with a stable code and a sentence in the caller’s language', () => {
    const error = invalidInput([
      { path: 'liveDate', code: 'liveDateInFuture' },
      { path: 'note', code: 'tooLong', values: { max: 2000 } },
      { path: 'verified', code: 'unknownField', values: { field: 'verified' } },
    ]);
    const en = errorAnswer(error, 'en');
    expect(en?.status).toBe(422);
    expect(en?.body.error.code).toBe('VALIDATION');
    expect(en?.body.error.details).toEqual([
      { path: 'liveDate', code: 'liveDateInFuture', message: 'The go-live date cannot be after today (Beijing time).' },
      { path: 'note', code: 'tooLong', message: 'Enter at most 2000 characters.' },
      { path: 'verified', code: 'unknownField', message: 'This field may not be submitted.' },
    ]);
    const zh = errorAnswer(error, 'zh-CN')?.body.error.details as Array<{ message: string }>;
    expect(zh[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never sends message keys, and gives a bare refusal a whole-request issue', () => {
    const bare = errorAnswer(new AppError('VALIDATION', 'refused'), 'en');
    expect(bare?.body.error.details).toEqual([{ path: '', code: 'invalid', message: 'This value is not valid.' }]);
    const parsed = z.strictObject({ limit: z.number().max(10) }).safeParse({ limit: 11 });
    const fromZod = errorAnswer(parsed.error, 'en');
    expect(fromZod?.body.error.details).toEqual([{ path: 'limit', code: 'tooLarge', message: 'Must be at most 10.' }]);
    expect(JSON.stringify(errorAnswer(invalidField('', 'jsonObject'), 'en'))).not.toMatch(/statusForm|validation\./);
  });

  it('keeps other refusals as they are and leaves unexpected errors to the caller', () => {
    const conflict = errorAnswer(new AppError('CONFLICT', 'changed', { current: { version: 3 } }), 'en');
    expect(conflict).toEqual({ status: 409, body: { error: { code: 'CONFLICT', message: 'changed', details: { current: { version: 3 } } } } });
    expect(errorAnswer(new Error('boom'), 'en')).toBeNull();
  });
});
