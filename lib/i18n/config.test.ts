import { describe, expect, it } from 'vitest';
import { LOCALE_COOKIE, defaultLocale, isAppLocale, localeFromCookieString, resolveLocale } from './config';

describe('locale config', () => {
  it('defaults to Simplified Chinese under the NEXT_LOCALE cookie', () => {
    expect(defaultLocale).toBe('zh-CN');
    expect(LOCALE_COOKIE).toBe('NEXT_LOCALE');
  });

  it('accepts only supported locales', () => {
    expect(isAppLocale('en')).toBe(true);
    expect(isAppLocale('zh-CN')).toBe(true);
    expect(isAppLocale('zh-TW')).toBe(false);
    expect(isAppLocale(undefined)).toBe(false);
    expect(resolveLocale('en')).toBe('en');
    expect(resolveLocale('fr')).toBe('zh-CN');
    expect(resolveLocale(null)).toBe('zh-CN');
  });

  it('reads the locale from a cookie string', () => {
    expect(localeFromCookieString('a=1; NEXT_LOCALE=en; b=2')).toBe('en');
    expect(localeFromCookieString('NEXT_LOCALE=zh-CN')).toBe('zh-CN');
    expect(localeFromCookieString('X_NEXT_LOCALE=en')).toBe('zh-CN');
    expect(localeFromCookieString('NEXT_LOCALE=%E0%A4%A')).toBe('zh-CN');
    expect(localeFromCookieString('')).toBe('zh-CN');
    expect(localeFromCookieString(undefined)).toBe('zh-CN');
  });
});
