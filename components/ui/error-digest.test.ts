import { describe, expect, it } from 'vitest';
import { errorDigest } from './error-digest';

describe('errorDigest', () => {
  it('returns the digest of a server error', () => {
    expect(errorDigest(Object.assign(new Error('secret SQL'), { digest: '123456' }))).toBe('123456');
  });

  it('ignores errors without a usable digest', () => {
    expect(errorDigest(new Error('client error'))).toBeUndefined();
    expect(errorDigest({ digest: 42 })).toBeUndefined();
    expect(errorDigest({ digest: '' })).toBeUndefined();
    expect(errorDigest('thrown string')).toBeUndefined();
    expect(errorDigest(null)).toBeUndefined();
  });
});
