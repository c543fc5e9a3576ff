import { describe, expect, it } from 'vitest';
import { localized } from './localized';

describe('localized', () => {
  it('reads English only for en, Chinese for zh-CN and anything unknown', () => {
    expect(localized('en', '深圳市', 'Shenzhen')).toBe('Shenzhen');
    expect(localized('zh-CN', '深圳市', 'Shenzhen')).toBe('深圳市');
    expect(localized('fr', '深圳市', 'Shenzhen')).toBe('深圳市');
  });
});
