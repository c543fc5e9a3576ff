import { describe, expect, it } from 'vitest';
import { decideListenHost, isLoopbackHost } from './listen';

describe('where the server listens', () => {
  it('keeps a demo install on loopback unless HOST is given', () => {
    expect(decideListenHost({ demo: true, host: undefined, usersWithDefaultPassword: ['admin@hutong.test'] })).toEqual({ ok: true, host: '127.0.0.1' });
    expect(decideListenHost({ demo: false, host: undefined, usersWithDefaultPassword: [] })).toEqual({ ok: true, host: '0.0.0.0' });
  });

  it('refuses a non-loopback HOST while a demo user has the published password, naming the fix', () => {
    const refused = decideListenHost({ demo: true, host: '0.0.0.0', usersWithDefaultPassword: ['admin@hutong.test'] });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/admin@hutong\.test.*reset-password.*HOST=127\.0\.0\.1/);
    expect(decideListenHost({ demo: true, host: '0.0.0.0', usersWithDefaultPassword: [] })).toEqual({ ok: true, host: '0.0.0.0' });
    expect(decideListenHost({ demo: true, host: 'localhost', usersWithDefaultPassword: ['admin@hutong.test'] }).ok).toBe(true);
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) expect(isLoopbackHost(h)).toBe(false);
  });
});
