import { describe, expect, it } from 'vitest';
import { isActivePath, navItems } from './nav';

describe('isActivePath', () => {
  it('matches the dashboard only on the root path', () => {
    expect(isActivePath('/', '/')).toBe(true);
    expect(isActivePath('/institutions', '/')).toBe(false);
  });

  it('matches a section and its sub-pages but not look-alike prefixes', () => {
    expect(isActivePath('/institutions', '/institutions')).toBe(true);
    expect(isActivePath('/institutions/42', '/institutions')).toBe(true);
    expect(isActivePath('/institutions-archive', '/institutions')).toBe(false);
  });

  it('matches nothing without a pathname', () => {
    expect(isActivePath(null, '/')).toBe(false);
  });

  it('has unique hrefs', () => {
    expect(new Set(navItems.map((item) => item.href)).size).toBe(navItems.length);
  });
});
