/**
 * Writes the demo data set inside the seed's transaction: users first (a target change names its
 * author), then each program with its rows, history, milestones, annotations and metric points.
 */
import type { Tx } from '../../../lib/db';
import { ChangeKind, ChangeSource, EntityType, type Role } from '../../../lib/generated/sqlite/enums';
import { createInBatches } from '../reference';
import type { DemoData, StatusRowSeed } from './model';

export interface DemoCounts {
  programs: number;
  cityStatuses: number;
  institutionStatuses: number;
  statusChanges: number;
  milestones: number;
  annotations: number;
  metricPoints: number;
  targetChanges: number;
  /** Demo users created (never their password). */
  users: Array<{ email: string; role: Role; institutionCode?: string }>;
}

/** What a seed without the demo data set reports for it. */
export const NO_DEMO_COUNTS: DemoCounts = {
  programs: 0,
  cityStatuses: 0,
  institutionStatuses: 0,
  statusChanges: 0,
  milestones: 0,
  annotations: 0,
  metricPoints: 0,
  targetChanges: 0,
  users: [],
};

export async function seedDemo(tx: Tx, data: DemoData, passwordHashes: Map<string, string>): Promise<DemoCounts> {
  const userIds = new Map<string, string>();
  for (const u of data.users) {
    const passwordHash = passwordHashes.get(u.email);
    if (!passwordHash) throw new Error(`seed: no password hash for ${u.email}`);
    const created = await tx.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        institutionCode: u.institutionCode ?? null,
        passwordHash,
        locale: u.locale,
      },
      select: { id: true },
    });
    userIds.set(u.email, created.id);
  }

  const counts: DemoCounts = {
    ...NO_DEMO_COUNTS,
    users: data.users.map((u) => ({ email: u.email, role: u.role, ...(u.institutionCode ? { institutionCode: u.institutionCode } : {}) })),
  };

  for (const p of data.programs) {
    const { entityType, rows, history, milestones, annotations, metricPoints, targetChanges, direction, ...columns } = p;
    const program = await tx.program.create({ data: { ...columns, mode: direction.mode }, select: { id: true } });
    const programId = program.id;
    counts.programs++;
    await tx.programRail.createMany({
      data: [
        ...direction.payers.map((railCode) => ({ programId, side: 'PAYER' as const, railCode })),
        ...direction.acceptors.map((railCode) => ({ programId, side: 'ACCEPTOR' as const, railCode })),
      ],
    });

    const rowFields = (r: StatusRowSeed) => ({
      programId,
      status: r.status,
      plannedDate: r.plannedDate,
      liveDate: r.liveDate,
      evidenceUrl: null,
      note: r.note,
      lastConfirmedAt: r.lastConfirmedAt,
      verified: true,
      version: r.version,
    });
    if (entityType === EntityType.CITY) {
      await createInBatches(rows, (batch) =>
        tx.cityStatus.createMany({ data: batch.map((r) => ({ ...rowFields(r), cityCode: r.code })) }),
      );
      counts.cityStatuses += rows.length;
    } else if (entityType === EntityType.INSTITUTION) {
      await createInBatches(rows, (batch) =>
        tx.institutionStatus.createMany({ data: batch.map((r) => ({ ...rowFields(r), institutionCode: r.code })) }),
      );
      counts.institutionStatuses += rows.length;
    }

    if (entityType) {
      await createInBatches(history, (batch) =>
        tx.statusChange.createMany({
          data: batch.map((h) => ({
            programId,
            entityType,
            entityCode: h.entityCode,
            kind: ChangeKind.STATUS,
            fromStatus: h.fromStatus,
            toStatus: h.toStatus,
            before: { ...h.before },
            after: { ...h.after },
            changedAt: h.changedAt,
            source: ChangeSource.SEED,
            sourceNote: h.sourceNote,
            sourceUrl: null,
            isIllustrative: h.isIllustrative,
            version: h.version,
          })),
        }),
      );
      counts.statusChanges += history.length;
    }

    if (milestones.length > 0) {
      await tx.milestone.createMany({ data: milestones.map((m) => ({ programId, ...m })) });
      counts.milestones += milestones.length;
    }
    if (annotations.length > 0) {
      await tx.annotation.createMany({ data: annotations.map((a) => ({ programId, ...a, sourceUrl: null })) });
      counts.annotations += annotations.length;
    }
    if (metricPoints.length > 0) {
      await createInBatches(metricPoints, (batch) =>
        tx.metricPoint.createMany({ data: batch.map((m) => ({ programId, ...m, sourceUrl: null })) }),
      );
      counts.metricPoints += metricPoints.length;
    }
    for (const t of targetChanges) {
      await tx.targetChange.create({
        data: {
          programId,
          fromDate: t.fromDate,
          toDate: t.toDate,
          reason: t.reason,
          changedAt: t.changedAt,
          changedById: t.changedByEmail ? (userIds.get(t.changedByEmail) ?? null) : null,
        },
      });
      counts.targetChanges++;
    }
  }
  return counts;
}
