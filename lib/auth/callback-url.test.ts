import { describe, expect, it } from 'vitest';
import { requestPathOf, safeCallbackUrl, signInUrlFor } from './callback-url';
import { parseSignInError, rateLimitedError, serverError } from './sign-in-errors';

describe('safeCallbackUrl', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeCallbackUrl('/')).toBe('/');
    expect(safeCallbackUrl('/admin/users')).toBe('/admin/users');
    expect(safeCallbackUrl('/?program=alipay-bank-apps&asOf=2021-10-02')).toBe('/?program=alipay-bank-apps&asOf=2021-10-02');
    expect(safeCallbackUrl(['/summary', '/x'])).toBe('/summary');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      'https://evil.test/',
      '//evil.test',
      '/\\evil.test',
      '\\\\evil.test',
      'javascript:alert(1)',
      '/\t/evil.test',
      '/\n/evil.test',
      'evil.test',
      '',
      undefined,
      null,
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeCallbackUrl(bad), String(bad)).toBe('/');
    }
  });

  it('never loops back to the sign-in page or the auth endpoints', () => {
    expect(safeCallbackUrl('/sign-in')).toBe('/');
    expect(safeCallbackUrl('/sign-in?callbackUrl=/x')).toBe('/');
    expect(safeCallbackUrl('/api/auth/signout')).toBe('/');
  });

  it('builds sign-in links that come back', () => {
    expect(signInUrlFor('/')).toBe('/sign-in');
    expect(signInUrlFor('/?program=a&asOf=2021-10-02')).toBe('/sign-in?callbackUrl=%2F%3Fprogram%3Da%26asOf%3D2021-10-02');
    expect(signInUrlFor('//evil.test')).toBe('/sign-in');
  });

  it('drops Next.js _rsc cache busting from the remembered path', () => {
    expect(requestPathOf(new URL('http://h/admin?_rsc=abc'))).toBe('/admin');
    expect(requestPathOf(new URL('http://h/?program=x&_rsc=1'))).toBe('/?program=x');
  });
});

describe('sign-in errors', () => {
  it('round-trips what the server sends through next-auth to the form', () => {
    expect(parseSignInError('CredentialsSignin')).toEqual({ kind: 'invalid' });
    expect(parseSignInError(rateLimitedError(61))).toEqual({ kind: 'rateLimited', retryAfterMinutes: 2 });
    expect(parseSignInError(serverError('a1b2c3'))).toEqual({ kind: 'server', errorId: 'a1b2c3' });
    expect(parseSignInError('ServerError:<script>')).toEqual({ kind: 'server', errorId: null });
    expect(parseSignInError('anything else')).toEqual({ kind: 'invalid' });
  });
});
