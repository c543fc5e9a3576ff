import { describe, expect, it } from 'vitest';
import { authorize, can } from './permissions';
import type { Viewer } from './viewer';

const partner: Viewer = { id: 'p', email: 'p@hutong.test', name: '伙伴', role: 'PARTNER', institutionCode: 'ICBC' };
const homeless: Viewer = { ...partner, id: 'h', institutionCode: null };
const manager: Viewer = { id: 'm', email: 'm@hutong.test', name: '经理', role: 'PROGRAM_MANAGER', institutionCode: null };

describe('can: deny by default', () => {
  it('refuses a partner a scoped action asked without a scope', () => {
    expect(can(partner, 'institutionStatus.update')).toBe(false);
    expect(can(partner, 'institutionStatus.update', {})).toBe(false);
    expect(can(partner, 'institutionStatus.update', { institutionCode: null })).toBe(false);
    expect(() => authorize(partner, 'institutionStatus.update')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets a partner touch their own institution only', () => {
    expect(can(partner, 'institutionStatus.update', { institutionCode: 'ICBC' })).toBe(true);
    expect(can(partner, 'institutionStatus.update', { institutionCode: 'CMB' })).toBe(false);
  });

  it('does not scope managers', () => {
    expect(can(manager, 'institutionStatus.update')).toBe(true);
    expect(can(manager, 'institutionStatus.update', { institutionCode: 'CMB' })).toBe(true);
  });
});

describe('can: the CSV import has its own check', () => {
  it('lets a partner with an institution run an import without naming a row', () => {
    expect(can(partner, 'import.run')).toBe(true);
  });

  it('refuses the import to a partner account without an institution', () => {
    expect(can(homeless, 'import.run')).toBe(false);
    expect(can(homeless, 'institutionStatus.update', { institutionCode: 'ICBC' })).toBe(false);
  });

  it('refuses it to executives', () => {
    expect(can({ ...manager, role: 'EXECUTIVE' }, 'import.run')).toBe(false);
  });
});
