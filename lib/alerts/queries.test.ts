/**
 * The landing page follows the follows: a manager watching every program starts on the portfolio,
 * one who unfollows all but one starts on that program's dashboard.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { landingPathFor } from '../auth/landing';
import { setProgramFollow } from './mutations';
import { countWatchedPrograms } from './queries';

const { t, as } = withDemoDb({ now: DEMO_NOW });

describe('countWatchedPrograms', () => {
  it('managers watch every program until they unfollow; executives every program; admins and partners none', async () => {
    const programs = await t.db.program.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } });
    expect(programs.length).toBeGreaterThan(1);
    expect(await countWatchedPrograms(t.db, as.pm.viewer)).toBe(programs.length);
    expect(await countWatchedPrograms(t.db, as.exec.viewer)).toBe(programs.length);
    expect(await countWatchedPrograms(t.db, as.admin.viewer)).toBe(0);
    expect(await countWatchedPrograms(t.db, as.cmb.viewer)).toBe(0);
    expect(landingPathFor('PROGRAM_MANAGER', await countWatchedPrograms(t.db, as.pm.viewer))).toBe('/portfolio');

    for (const { slug } of programs.slice(1)) await setProgramFollow(t.db, as.pm, { programSlug: slug, following: false });
    expect(await countWatchedPrograms(t.db, as.pm.viewer)).toBe(1);
    expect(landingPathFor('PROGRAM_MANAGER', await countWatchedPrograms(t.db, as.pm.viewer))).toBe('/');

    for (const { slug } of programs.slice(0, 2)) await setProgramFollow(t.db, as.admin, { programSlug: slug, following: true });
    expect(await countWatchedPrograms(t.db, as.admin.viewer)).toBe(2);
  });
});
