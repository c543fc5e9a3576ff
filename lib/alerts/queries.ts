/**
 * The inbox: a person's own deliveries, newest first, with the names and the link each alert
 * needs, and the unread count for the bell. Only the caller's deliveries, and of those only alerts
 * they may still read (lib/alerts/audience.ts): a partner moved to another institution, or a
 * manager made executive, stops seeing what their old role heard of at once.
 */
import 'server-only';
import type { Db } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import type { AlertKind, DeliveryChannel, EntityType } from '../generated/sqlite/enums';
import type { Viewer } from '../auth/viewer';
import { can } from '../auth/permissions';
import { toShanghaiDate } from '../time';
import { isFollowing, mayReadAlert } from './audience';
import { ALERT_KINDS, type AlertPayloadOf } from './types';

/** The inbox shows this many entries; older ones stay reachable by filters. */
export const INBOX_PAGE = 50;
/** The bell counts up to this many ("99+"). */
export const UNREAD_CAP = 99;

/**
 * How many programs the person keeps watch over, for their landing page (lib/auth/landing.ts):
 * the programs they follow (audience.ts: managers follow every program unless they unfollow it);
 * executives hear of every program's health, so every program counts for them.
 */
export async function countWatchedPrograms(db: Db, viewer: Viewer): Promise<number> {
  const [programs, follows] = await Promise.all([
    db.program.findMany({ select: { id: true } }),
    db.programFollow.findMany({ where: { userId: viewer.id }, select: { programId: true, following: true } }),
  ]);
  if (viewer.role === 'EXECUTIVE') return programs.length;
  const explicit = new Map(follows.map((f) => [f.programId, f.following]));
  return programs.filter((p) => isFollowing(viewer, explicit.get(p.id))).length;
}

/** Whether the person follows the program's alerts (the follow button's state): audience.ts's rule. */
export async function isFollowingProgram(db: Db, viewer: Viewer, programSlug: string): Promise<boolean> {
  const follow = await db.programFollow.findFirst({ where: { userId: viewer.id, program: { slug: programSlug } }, select: { following: true } });
  return isFollowing(viewer, follow?.following);
}

/** The same rule as mayReadAlert, as a database filter on the alert. */
function readableAlerts(viewer: Viewer): Prisma.AlertWhereInput | null {
  switch (viewer.role) {
    case 'ADMIN':
    case 'PROGRAM_MANAGER':
      return {};
    case 'EXECUTIVE':
      return { kind: 'HEALTH_CHANGED' };
    case 'PARTNER':
      return viewer.institutionCode ? { institutionCode: viewer.institutionCode, kind: { in: ['REGRESSION', 'STALE_REPORT', 'IMPORT_LANDED'] } } : null;
    default:
      return null;
  }
}

export interface InboxFilters {
  programSlug?: string | null;
  kind?: AlertKind | null;
}

function deliveriesWhere(viewer: Viewer, filters: InboxFilters = {}, extra: Prisma.AlertDeliveryWhereInput = {}): Prisma.AlertDeliveryWhereInput | null {
  const readable = can(viewer, 'alert.receive') ? readableAlerts(viewer) : null;
  if (!readable) return null;
  return {
    ...extra,
    userId: viewer.id,
    alert: {
      ...readable,
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.programSlug ? { program: { slug: filters.programSlug } } : {}),
    },
  };
}

/** Unread entries for the bell, at most UNREAD_CAP + 1 counted. */
export async function countUnreadAlerts(db: Db, viewer: Viewer): Promise<number> {
  const where = deliveriesWhere(viewer, {}, { readAt: null });
  if (!where) return 0;
  const rows = await db.alertDelivery.findMany({ where, select: { id: true }, take: UNREAD_CAP + 1 });
  return rows.length;
}

interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

export type InboxAlert = {
  [K in AlertKind]: {
    kind: K;
    payload: AlertPayloadOf[K];
  };
}[AlertKind];

export type InboxItem = InboxAlert & {
  /** The delivery's id (what "mark read" takes). */
  id: string;
  readAt: string | null;
  createdAt: string;
  /** Shanghai date the change took effect: the date the link opens the view at. */
  effectiveDate: string;
  program: { slug: string; nameZh: string; nameEn: string };
  entity: (Named & { type: EntityType }) | null;
  href: string;
  /** A stale report the reader may confirm as still accurate, at the version it was reported at. */
  reminder: { programSlug: string; code: string; version: number } | null;
};

/** Where an alert's link goes: the dashboard at its date (a city's province), or the institution. */
export function alertHref(programSlug: string, entity: { type: EntityType; code: string } | null, date: string): string {
  if (entity?.type === 'INSTITUTION') return `/institutions/${encodeURIComponent(entity.code)}`;
  const params = new URLSearchParams({ program: programSlug, asOf: date });
  if (entity?.type === 'CITY') params.set('province', entity.code.slice(0, 2));
  return `/?${params.toString()}`;
}

export interface InboxPage {
  items: InboxItem[];
  unread: number;
  /** The programs the reader can filter by (those with entries in their inbox). */
  programs: Array<{ slug: string; nameZh: string; nameEn: string }>;
}

/** What an inbox entry is read with. */
export const deliverySelect = {
  id: true,
  readAt: true,
  createdAt: true,
  alert: {
    select: {
      kind: true,
      programId: true,
      entityType: true,
      entityCode: true,
      institutionCode: true,
      effectiveAt: true,
      payload: true,
      program: { select: { slug: true, nameZh: true, nameEn: true } },
    },
  },
} as const satisfies Prisma.AlertDeliverySelect;

export type DeliveryRow = Prisma.AlertDeliveryGetPayload<{ select: typeof deliverySelect }>;

/** Deliveries as the reader sees them: names, link, reminder; alerts they may no longer read dropped. */
export async function toInboxItems(db: Db, viewer: Viewer, rows: DeliveryRow[]): Promise<InboxItem[]> {
  const visible = rows.filter((r) => mayReadAlert(viewer, r.alert));
  const cityCodes = visible.flatMap((r) => (r.alert.entityType === 'CITY' && r.alert.entityCode ? [r.alert.entityCode] : []));
  const bankCodes = visible.flatMap((r) => (r.alert.entityType === 'INSTITUTION' && r.alert.entityCode ? [r.alert.entityCode] : []));
  const [cities, banks] = await Promise.all([
    db.city.findMany({ where: { code: { in: [...new Set(cityCodes)] } }, select: { code: true, name: true, nameEn: true } }),
    db.institution.findMany({ where: { code: { in: [...new Set(bankCodes)] } }, select: { code: true, nameZh: true, nameEn: true } }),
  ]);
  const names = new Map<string, Named>([
    ...cities.map((c) => [`CITY:${c.code}`, { code: c.code, nameZh: c.name, nameEn: c.nameEn }] as const),
    ...banks.map((b) => [`INSTITUTION:${b.code}`, { code: b.code, nameZh: b.nameZh, nameEn: b.nameEn }] as const),
  ]);
  return visible.map((r): InboxItem => {
    const a = r.alert;
    const named = a.entityType && a.entityCode ? names.get(`${a.entityType}:${a.entityCode}`) : undefined;
    const entity = named && a.entityType ? { ...named, type: a.entityType } : null;
    const effectiveDate = toShanghaiDate(a.effectiveAt);
    const payload = a.payload as unknown as AlertPayloadOf[AlertKind];
    // The reminder's one-click confirmation goes to whoever may edit the row.
    const mayConfirm = a.kind === 'STALE_REPORT' && !!a.entityCode && can(viewer, 'institutionStatus.update', { institutionCode: a.entityCode });
    return {
      id: r.id,
      kind: a.kind,
      payload,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      effectiveDate,
      program: a.program,
      entity,
      href: alertHref(a.program.slug, entity, effectiveDate),
      reminder: mayConfirm ? { programSlug: a.program.slug, code: a.entityCode!, version: (payload as AlertPayloadOf['STALE_REPORT']).version } : null,
    } as InboxItem;
  });
}

export async function listInbox(db: Db, viewer: Viewer, filters: InboxFilters = {}): Promise<InboxPage> {
  const where = deliveriesWhere(viewer, filters);
  if (!where) return { items: [], unread: 0, programs: [] };
  const rows = await db.alertDelivery.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: INBOX_PAGE, select: deliverySelect });
  const programs = await db.program.findMany({
    where: { alerts: { some: { deliveries: { some: { userId: viewer.id } } } } },
    select: { slug: true, nameZh: true, nameEn: true },
    orderBy: { sortOrder: 'asc' },
  });
  return { items: await toInboxItems(db, viewer, rows), unread: await countUnreadAlerts(db, viewer), programs };
}

/** The kinds a person can hear of at all (their role's), in display order. */
export function alertKindsFor(viewer: Viewer): AlertKind[] {
  return ALERT_KINDS.filter((kind) => mayReadAlert(viewer, { kind, programId: '', institutionCode: viewer.institutionCode }));
}

/** The reader's channel for each kind they can hear of (IN_APP when never chosen). */
export async function getAlertChannels(db: Db, viewer: Viewer): Promise<Array<{ kind: AlertKind; channel: DeliveryChannel }>> {
  if (!can(viewer, 'alert.receive')) return [];
  const chosen = await db.alertPreference.findMany({ where: { userId: viewer.id }, select: { kind: true, channel: true } });
  const byKind = new Map(chosen.map((c) => [c.kind, c.channel]));
  return alertKindsFor(viewer).map((kind) => ({ kind, channel: byKind.get(kind) ?? 'IN_APP' }));
}
