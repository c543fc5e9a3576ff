import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './url';

describe('isHttpUrl', () => {
  it('accepts absolute http and https links only', () => {
    expect(isHttpUrl('https://www.alipay.com/notice?id=1')).toBe(true);
    expect(isHttpUrl('HTTP://example.cn')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '/relative',
      'www.example.com',
      'http:example.com',
      'https://exa mple.com',
      ' https://example.com',
      'ftp://x',
      'https://',
      '',
      null,
      undefined,
    ]) {
      expect(isHttpUrl(bad), String(bad)).toBe(false);
    }
  });
});
