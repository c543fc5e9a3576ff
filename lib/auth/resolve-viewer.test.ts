import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db';
import { withTestDb } from '../../tests/helpers/test-db';
import { disableUser, enableUser, resetPassword, updateUserRole } from '../users/mutations';
import { hashPassword } from './password';
import { readSessionClaims, resolveViewer, signOutEverywhere, type SessionClaims } from './resolve-viewer';
import type { RequestContext } from './viewer';

let db: Db;
let admin: RequestContext;

async function makeUser(email: string, role: 'ADMIN' | 'PROGRAM_MANAGER' | 'EXECUTIVE' = 'PROGRAM_MANAGER') {
  return db.user.create({ data: { email, name: email, role, passwordHash: await hashPassword('Session-Test-Password-1') } });
}

/** What the session cookie of a fresh sign-in would carry. */
async function signedInClaims(userId: string): Promise<SessionClaims> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { userId, sessionVersion: user.sessionVersion };
}

withTestDb(async (t) => {
  db = t.db;
  const a = await makeUser('admin@bank.test', 'ADMIN');
  admin = { viewer: { id: a.id, email: a.email, name: a.name, role: 'ADMIN', institutionCode: null }, ip: '127.0.0.1' };
});

describe('readSessionClaims', () => {
  it('accepts only a string id and an integer version', () => {
    expect(readSessionClaims({ userId: 'u1', sessionVersion: 3 })).toEqual({ userId: 'u1', sessionVersion: 3 });
    for (const bad of [null, undefined, {}, { userId: 'u1' }, { userId: '', sessionVersion: 1 }, { userId: 1, sessionVersion: 1 }, { userId: 'u', sessionVersion: '1' }, { userId: 'u', sessionVersion: 1.5 }]) {
      expect(readSessionClaims(bad)).toBeNull();
    }
  });
});

describe('resolveViewer: every request re-checks the database', () => {
  it('returns the current viewer for a current session, role and institution from the database', async () => {
    const u = await makeUser('current@bank.test');
    expect(await resolveViewer(db, await signedInClaims(u.id))).toEqual({
      id: u.id,
      email: 'current@bank.test',
      name: 'current@bank.test',
      role: 'PROGRAM_MANAGER',
      institutionCode: null,
    });
    expect(await resolveViewer(db, null)).toBeNull();
    expect(await resolveViewer(db, { userId: 'no-such-user', sessionVersion: 1 })).toBeNull();
  });

  it('refuses a disabled user at once, and re-enabling does not revive the old session', async () => {
    const u = await makeUser('disabled@bank.test');
    const claims = await signedInClaims(u.id);
    await disableUser(db, admin, { userId: u.id });
    expect(await resolveViewer(db, claims)).toBeNull();
    await enableUser(db, admin, { userId: u.id });
    expect(await resolveViewer(db, claims)).toBeNull();
    expect(await resolveViewer(db, await signedInClaims(u.id))).not.toBeNull();
  });

  it('refuses the old session after a role change', async () => {
    const u = await makeUser('promoted@bank.test', 'EXECUTIVE');
    const claims = await signedInClaims(u.id);
    expect((await resolveViewer(db, claims))?.role).toBe('EXECUTIVE');
    await updateUserRole(db, admin, { userId: u.id, role: 'PROGRAM_MANAGER' });
    expect(await resolveViewer(db, claims)).toBeNull();
    expect((await resolveViewer(db, await signedInClaims(u.id)))?.role).toBe('PROGRAM_MANAGER');
  });

  it('refuses the old session after a password reset', async () => {
    const u = await makeUser('reset@bank.test');
    const claims = await signedInClaims(u.id);
    await resetPassword(db, admin, { userId: u.id, password: 'Brand-New-Password-7' });
    expect(await resolveViewer(db, claims)).toBeNull();
  });

  it('refuses a token with an older (or forged newer) session version', async () => {
    const u = await makeUser('stale@bank.test');
    await db.user.update({ where: { id: u.id }, data: { sessionVersion: 5 } });
    expect(await resolveViewer(db, { userId: u.id, sessionVersion: 4 })).toBeNull();
    expect(await resolveViewer(db, { userId: u.id, sessionVersion: 6 })).toBeNull();
    expect(await resolveViewer(db, { userId: u.id, sessionVersion: 5 })).not.toBeNull();
  });

  it('signing out ends every session of that user (all devices) and is audited', async () => {
    const u = await makeUser('leaver@bank.test');
    const laptop = await signedInClaims(u.id);
    const phone = await signedInClaims(u.id);
    const viewer = (await resolveViewer(db, laptop))!;
    await signOutEverywhere(db, { viewer, ip: '203.0.113.5' });
    expect(await resolveViewer(db, laptop)).toBeNull();
    expect(await resolveViewer(db, phone)).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { action: 'auth.signOut', actorId: u.id } });
    expect(audit).toMatchObject({ outcome: 'ALLOWED', ip: '203.0.113.5' });
  });

  it('refuses (throws) when the database check itself fails, never letting the session through', async () => {
    // A client whose database cannot be opened stands for "database down".
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-down-'));
    const broken = createDb({ provider: 'sqlite', url: path.join(dir, 'missing', 'nowhere.db') });
    try {
      await expect(resolveViewer(broken, { userId: admin.viewer.id, sessionVersion: 1 })).rejects.toThrow();
    } finally {
      await broken.$disconnect().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
