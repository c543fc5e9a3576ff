import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPasswordPolicy } from './password-policy';

describe('password policy', () => {
  it('accepts 8 to 128 characters of anything', () => {
    expect(checkPasswordPolicy('a'.repeat(7))).toBe('passwordTooShort');
    expect(checkPasswordPolicy('Zq7#kd0w')).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(128))).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(129))).toBe('passwordTooLong');
    expect(checkPasswordPolicy('        ')).toBeNull();
    expect(checkPasswordPolicy('互联互通上线覆盖追踪')).toBeNull();
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    // 7 Chinese characters are 21 bytes in UTF-8: still too short.
    expect(checkPasswordPolicy('支付互联互通码')).toBe('passwordTooShort');
    // 8 emoji are 16 UTF-16 units: exactly long enough.
    expect(checkPasswordPolicy('🔒'.repeat(8))).toBeNull();
    expect(checkPasswordPolicy('🔒'.repeat(128))).toBeNull();
    expect(checkPasswordPolicy('🔒'.repeat(129))).toBe('passwordTooLong');
  });

  it('refuses common passwords in any letter case', () => {
    for (const p of ['password', 'PASSWORD', '12345678', 'qwertyui', 'Hutong123', 'HUTONG123', 'iloveyou']) {
      expect(checkPasswordPolicy(p), p).toBe('passwordCommon');
    }
  });

  it('keeps the demo passwords usable', () => {
    expect(checkPasswordPolicy('Hutong-Demo-2021')).toBeNull();
    expect(checkPasswordPolicy('E2e-Demo-Password-2021')).toBeNull();
  });

  it('has a short, meaningful blocklist', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(90);
    expect(COMMON_PASSWORDS.length).toBeLessThanOrEqual(150);
    // Entries shorter than the minimum would be dead weight: the length rule refuses them anyway.
    expect(COMMON_PASSWORDS.filter((p) => [...p].length < PASSWORD_MIN_LENGTH)).toEqual([]);
    expect(new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase())).size).toBe(COMMON_PASSWORDS.length);
  });

  it('never throws and accepts exactly the documented lengths (1,000 random strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (password) => {
        const problem = checkPasswordPolicy(password);
        const length = [...password].length;
        if (problem === null) {
          expect(length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
          expect(length).toBeLessThanOrEqual(PASSWORD_MAX_LENGTH);
        }
        if (length < PASSWORD_MIN_LENGTH) expect(problem).toBe('passwordTooShort');
        if (length > PASSWORD_MAX_LENGTH) expect(problem).toBe('passwordTooLong');
      }),
      { seed: 20211002, numRuns: 1000 },
    );
  });
});
