import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditSearchParams, parseAuditParams } from './schema';

describe('audit filters in the URL', () => {
  it('reads the filters from search params, lower-casing the email', () => {
    expect(
      parseAuditParams({ from: '2021-10-01', to: '2021-10-02', actor: ' Admin@Hutong.test ', action: 'program.create', outcome: 'DENIED', entity: 'Program' }),
    ).toEqual({
      filters: {
        from: '2021-10-01',
        to: '2021-10-02',
        actorEmail: 'admin@hutong.test',
        action: 'program.create',
        outcome: 'DENIED',
        entityType: 'Program',
        limit: AUDIT_PAGE_SIZE,
      },
      invalid: [],
    });
  });

  it('drops (and names) bad parameters instead of failing the page', () => {
    const parsed = parseAuditParams({ from: '2021-02-30', outcome: 'MAYBE', action: 'program.create', to: ['2021-10-02', 'x'], other: 'ignored' });
    expect(parsed.invalid.sort()).toEqual(['from', 'outcome']);
    expect(parsed.filters).toEqual({ action: 'program.create', to: '2021-10-02', limit: AUDIT_PAGE_SIZE });
    expect(parseAuditParams({ from: '2021-10-03', to: '2021-10-02' })).toEqual({ filters: { from: '2021-10-03', limit: AUDIT_PAGE_SIZE }, invalid: ['to'] });
  });

  it('writes filters back to search params, leaving out empty ones', () => {
    expect(auditSearchParams({ from: '2021-10-01', actorEmail: 'a@b.cn', action: undefined, outcome: 'ALLOWED', cursor: 'abc' }).toString()).toBe(
      'from=2021-10-01&actor=a%40b.cn&outcome=ALLOWED&cursor=abc',
    );
  });
});
