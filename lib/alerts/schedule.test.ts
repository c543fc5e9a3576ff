/**
 * The background work of an instance: a write made anywhere is in the follower's inbox after the
 * next tick, the mail at once is sent, and a tick with nothing new writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { createOutboxMailer } from '../summary/mail/transport';
import { updateCityStatus } from '../status/mutations';
import { setAlertChannel } from './mutations';
import { countUnreadAlerts } from './queries';
import { hasUnevaluatedEvents, startAlertRunner } from './schedule';

const { t, as } = withDemoDb({ now: DEMO_NOW });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-alert-runner-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the alert runner', () => {
  it('puts a regression in the manager\'s inbox and mails it on the next tick', async () => {
    const errors: unknown[] = [];
    const runner = startAlertRunner({
      getDb: async () => t.db,
      mail: () => ({ mailer: createOutboxMailer(dir), from: 'hutong@localhost', appUrl: 'https://hutong.example', secret: 'runner-secret-of-at-least-32-characters' }),
      onError: (error) => errors.push(error),
      intervalMs: 60_000,
    });
    try {
      await runner.tick();
      await setAlertChannel(t.db, as.pm, { kind: 'REGRESSION', channel: 'MAIL' });
      const unread = await countUnreadAlerts(t.db, as.pm.viewer);
      const row = await t.db.cityStatus.findFirstOrThrow({ where: { cityCode: '4403', program: { slug: 'alipay-unionpay-offline' } } });
      await updateCityStatus(t.db, as.admin, { programSlug: 'alipay-unionpay-offline', cityCode: '4403', input: { version: row.version, status: 'PAUSED' }, source: 'API' });
      expect(await hasUnevaluatedEvents(t.db)).toBe(true);
      await runner.tick();
      expect(await hasUnevaluatedEvents(t.db)).toBe(false);
      // The regression, and the program's health change it caused.
      expect(await countUnreadAlerts(t.db, as.pm.viewer)).toBe(unread + 2);
      expect(fs.readdirSync(dir)).toHaveLength(1);
      const cursor = await t.db.alertCursor.findUniqueOrThrow({ where: { name: 'events' } });
      await runner.tick();
      expect((await t.db.alertCursor.findUniqueOrThrow({ where: { name: 'events' } })).runs).toBe(cursor.runs);
      expect(errors).toEqual([]);
    } finally {
      runner.stop();
    }
  });
});
