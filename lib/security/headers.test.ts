import { describe, expect, it } from 'vitest';
import {
  CSP_HEADER,
  HSTS_VALUE,
  buildContentSecurityPolicy,
  generateNonce,
  isHttpsRequest,
  securityHeaders,
} from './headers';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('generateNonce', () => {
  it('produces distinct base64 values of 128 bits', () => {
    const a = generateNonce();
    const b = generateNonce();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('buildContentSecurityPolicy', () => {
  const nonce = 'bm9uY2UtdmFsdWU=';
  const production = directives(buildContentSecurityPolicy({ nonce, isDev: false }));

  it('allows scripts only by nonce and strict-dynamic', () => {
    expect(production.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  });

  it('locks down plugins, base URLs and framing', () => {
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('default-src')).toEqual(["'self'"]);
    expect(production.get('form-action')).toEqual(["'self'"]);
    expect(production.get('connect-src')).toEqual(["'self'"]);
  });

  it('never allows eval in production', () => {
    expect(buildContentSecurityPolicy({ nonce, isDev: false })).not.toContain('unsafe-eval');
  });

  it('allows eval in development only for script-src', () => {
    const dev = directives(buildContentSecurityPolicy({ nonce, isDev: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
  });

  it('keeps inline styles allowed without a style nonce, which would disable unsafe-inline', () => {
    expect(production.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('rejects a nonce that could inject directives', () => {
    expect(() => buildContentSecurityPolicy({ nonce: "abc'; script-src *", isDev: false })).toThrow();
    expect(() => buildContentSecurityPolicy({ nonce: '', isDev: false })).toThrow();
  });
});

describe('isHttpsRequest', () => {
  it('trusts the first x-forwarded-proto hop', () => {
    expect(isHttpsRequest({ url: 'http://app.internal/', forwardedProto: 'https' })).toBe(true);
    expect(isHttpsRequest({ url: 'http://app.internal/', forwardedProto: 'HTTPS, http' })).toBe(true);
    expect(isHttpsRequest({ url: 'https://app.internal/', forwardedProto: 'http' })).toBe(false);
  });

  it('falls back to the request URL', () => {
    expect(isHttpsRequest({ url: 'https://hutong.example.cn/', forwardedProto: null })).toBe(true);
    expect(isHttpsRequest({ url: 'http://localhost:3000/', forwardedProto: null })).toBe(false);
    expect(isHttpsRequest({ url: 'not a url', forwardedProto: '' })).toBe(false);
  });
});

describe('securityHeaders', () => {
  const nonce = generateNonce();

  it('sets the fixed hardening headers and a CSP carrying the nonce', () => {
    const headers = securityHeaders({ nonce, isDev: false, https: false });
    expect(headers[CSP_HEADER]).toContain(`'nonce-${nonce}'`);
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    });
  });

  it('adds HSTS only over https', () => {
    expect(securityHeaders({ nonce, isDev: false, https: false })).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(securityHeaders({ nonce, isDev: false, https: true })['Strict-Transport-Security']).toBe(
      HSTS_VALUE,
    );
    expect(HSTS_VALUE).toBe('max-age=31536000; includeSubDomains');
  });
});
