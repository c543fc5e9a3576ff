import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from './describe-error';

const pg = { provider: 'postgresql' as const, url: 'postgresql://app:s3cret@db.internal:6543/hutong' };

describe('start-up database errors', () => {
  it('says what to fix in one line, without the password', () => {
    const msg = describeDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), pg);
    expect(msg).toBe('Cannot reach PostgreSQL at db.internal:6543/hutong (connection refused): start the server or fix DATABASE_URL.');
    expect(msg).not.toContain('s3cret');
    expect(msg).not.toContain('\n');
  });

  it('explains a missing database and a refused login', () => {
    expect(describeDatabaseError({ code: '3D000' }, pg)).toMatch(/does not exist/);
    expect(describeDatabaseError({ code: '28P01' }, pg)).toMatch(/refused the user or password/);
  });
});
