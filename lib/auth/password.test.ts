import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores argon2id hashes, salted, that verify only the right password', async () => {
    const a = await hashPassword('Hutong-Demo-2021');
    const b = await hashPassword('Hutong-Demo-2021');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Hutong-Demo-2021');
    expect(await verifyPassword(a, 'Hutong-Demo-2021')).toBe(true);
    expect(await verifyPassword(a, 'hutong-demo-2021')).toBe(false);
  });

  it('never truncates: 128-character passwords differing only in the last character are different', async () => {
    const long = `${'长'.repeat(127)}A`;
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, `${'长'.repeat(127)}B`)).toBe(false);
  });

  it('answers false, not an exception, for a malformed hash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever-password')).toBe(false);
  });

  it('does real argon2 work for unknown accounts (so timing does not reveal them)', async () => {
    await verifyAgainstDummy('warm-up-password');
    const started = performance.now();
    await verifyAgainstDummy('some-password-1');
    const dummy = performance.now() - started;
    const hash = await hashPassword('some-password-2');
    const t0 = performance.now();
    await verifyPassword(hash, 'some-password-3');
    const real = performance.now() - t0;
    expect(dummy).toBeGreaterThan(real * 0.4);
  });
});
