/**
 * API tokens on a real migrated database: only the hash is stored (and never the token in the
 * audit trail), a token resolves to its user as that user is now, revoking or disabling takes
 * effect on the next lookup, and only admins manage tokens.
 */
import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../tests/helpers/test-db';
import type { RequestContext } from '../auth/viewer';
import { AppError } from '../errors';
import { createApiToken, revokeApiToken, revokeUserApiTokens } from './mutations';
import { LAST_USED_RESOLUTION_MS, findTokenIdentity, listApiTokens, touchToken } from './queries';
import { generateToken, hashToken, isWellFormedToken } from './token';

let admin: RequestContext;
let partner: RequestContext;
let partnerId = '';

const t = withTestDb(async (t) => {
  await t.db.institution.create({ data: { code: 'ICBC', nameZh: '中国工商银行', nameEn: 'ICBC', type: 'STATE_OWNED_BANK' } });
  const a = await t.db.user.create({ data: { email: 'admin@t.test', name: 'Admin', role: 'ADMIN', passwordHash: 'x' } });
  const p = await t.db.user.create({ data: { email: 'icbc@t.test', name: 'ICBC', role: 'PARTNER', institutionCode: 'ICBC', passwordHash: 'x' } });
  partnerId = p.id;
  admin = { viewer: { id: a.id, email: a.email, name: a.name, role: 'ADMIN', institutionCode: null }, ip: '127.0.0.1' };
  partner = { viewer: { id: p.id, email: p.email, name: p.name, role: 'PARTNER', institutionCode: 'ICBC' }, ip: '127.0.0.1' };
});

describe('token material', () => {
  it('is random, well-formed and hashed with SHA-256 hex', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    for (const bad of ['', 'hut_', `hut_${'A'.repeat(42)}`, `xyz_${'A'.repeat(43)}`, `hut_${'A'.repeat(42)}=`, ` ${a}`]) expect(isWellFormedToken(bad)).toBe(false);
  });
});

describe('tokens in the database', () => {
  it('stores only the hash; the token acts as its user with role and institution', async () => {
    const { token, apiToken } = await createApiToken(t.db, admin, { userId: partnerId, name: 'ICBC nightly sync' });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.prefix).toBe(token.slice(0, 8));
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await t.db.auditLog.findMany({ where: { entityType: 'ApiToken' } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(token.slice(8));
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);

    const identity = await findTokenIdentity(t.db, token);
    expect(identity?.viewer).toEqual(partner.viewer);
    expect(apiToken.createdBy).toEqual({ name: 'Admin' });
  });

  it('refuses malformed, unknown and revoked tokens, and tokens of a disabled user, at the next lookup', async () => {
    expect(await findTokenIdentity(t.db, 'Bearer nonsense')).toBeNull();
    expect(await findTokenIdentity(t.db, generateToken())).toBeNull();

    const { token, apiToken } = await createApiToken(t.db, admin, { userId: partnerId, name: 'to revoke' });
    expect(await findTokenIdentity(t.db, token)).not.toBeNull();
    const revoked = await revokeApiToken(t.db, admin, { tokenId: apiToken.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await findTokenIdentity(t.db, token)).toBeNull();
    // Revoking again changes nothing.
    expect((await revokeApiToken(t.db, admin, { tokenId: apiToken.id })).revokedAt).toBe(revoked.revokedAt);

    const second = await createApiToken(t.db, admin, { userId: partnerId, name: 'user disabled' });
    await t.db.user.update({ where: { id: partnerId }, data: { disabled: true } });
    expect(await findTokenIdentity(t.db, second.token)).toBeNull();
    await expect(createApiToken(t.db, admin, { userId: partnerId, name: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.db.user.update({ where: { id: partnerId }, data: { disabled: false } });
    expect(await findTokenIdentity(t.db, second.token)).not.toBeNull();
  });

  it('revokes every active token of a user at once', async () => {
    const tokens = await Promise.all([1, 2].map((i) => createApiToken(t.db, admin, { userId: partnerId, name: `bulk ${i}` })));
    const revoked = await revokeUserApiTokens(t.db, admin, { userId: partnerId });
    expect(revoked.map((r) => r.id)).toEqual(expect.arrayContaining(tokens.map((x) => x.apiToken.id)));
    for (const x of tokens) expect(await findTokenIdentity(t.db, x.token)).toBeNull();
    expect(await t.db.apiToken.count({ where: { userId: partnerId, revokedAt: null } })).toBe(0);
  });

  it('records the last use, at most once a minute', async () => {
    const { token, apiToken } = await createApiToken(t.db, admin, { userId: partnerId, name: 'last used' });
    const now = new Date('2030-01-01T00:00:00Z');
    await touchToken(t.db, (await findTokenIdentity(t.db, token))!, now);
    await touchToken(t.db, (await findTokenIdentity(t.db, token))!, new Date(now.getTime() + 1000));
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(now);
    const later = new Date(now.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await touchToken(t.db, (await findTokenIdentity(t.db, token))!, later);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(later);
    const listed = (await listApiTokens(t.db, admin.viewer)).find((x) => x.id === apiToken.id);
    expect(listed?.lastUsedAt).toBe(later.toISOString());
    expect(listed).not.toHaveProperty('tokenHash');
  });

  it('expires a token after the days asked for, refusing it from then on', async () => {
    const before = Date.now();
    const { token, apiToken } = await createApiToken(t.db, admin, { userId: partnerId, name: 'quarterly', expiresInDays: 90 });
    const expiresAt = new Date(apiToken.expiresAt!);
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
    expect(expiresAt.getTime()).toBeLessThan(Date.now() + 90 * 86_400_000 + 1);
    expect((await listApiTokens(t.db, admin.viewer)).find((x) => x.id === apiToken.id)?.expiresAt).toBe(apiToken.expiresAt);
    expect(await findTokenIdentity(t.db, token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await findTokenIdentity(t.db, token, expiresAt)).toBeNull();

    const forever = await createApiToken(t.db, admin, { userId: partnerId, name: 'no expiry' });
    expect(forever.apiToken.expiresAt).toBeNull();
    expect(await findTokenIdentity(t.db, forever.token, new Date('2099-01-01T00:00:00Z'))).not.toBeNull();
  });

  it('refuses an expiry outside 1-3650 whole days', async () => {
    for (const expiresInDays of [0, -1, 3651, 1.5, '90']) {
      await expect(createApiToken(t.db, admin, { userId: partnerId, name: 'bad expiry', expiresInDays })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(await t.db.apiToken.count({ where: { name: 'bad expiry' } })).toBe(0);
  });

  it('lets only admins manage tokens; a refusal is audited and changes nothing', async () => {
    const before = await t.db.apiToken.count();
    const denied = () => t.db.auditLog.count({ where: { outcome: 'DENIED', actorId: partnerId } });
    const deniedBefore = await denied();
    await expect(createApiToken(t.db, partner, { userId: partnerId, name: 'self-service' })).rejects.toBeInstanceOf(AppError);
    await expect(listApiTokens(t.db, partner.viewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.db.apiToken.count()).toBe(before);
    expect(await denied()).toBe(deniedBefore + 1);
  });

  it('refuses unknown fields and blank names', async () => {
    await expect(createApiToken(t.db, admin, { userId: partnerId, name: 'x', tokenHash: 'mine' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createApiToken(t.db, admin, { userId: partnerId, name: '   ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(createApiToken(t.db, admin, { userId: 'nobody', name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
