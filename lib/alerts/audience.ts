/**
 * Who hears of an alert, and how. One rule for the evaluation (who gets a delivery), the inbox and
 * the live stream (who may still read it):
 *
 * - Executives hear of health changes only, of every program.
 * - Partners hear only of their own institution: its regressions, its stale reports (a reminder)
 *   and its imports. Nothing program-wide, nothing of another bank.
 * - Program managers and admins hear of everything in the programs they follow. Without an explicit
 *   choice, program managers follow every program and admins none.
 * - Nobody is told of their own change (a health change is nobody's own).
 * - Each person picks a channel per kind (in the app, mail at once, daily digest, off); IN_APP when
 *   they have not chosen. OFF means no delivery at all.
 */
import type { AlertKind, DeliveryChannel, Role } from '../generated/sqlite/enums';

export interface AlertSubject {
  kind: AlertKind;
  programId: string;
  institutionCode: string | null;
  actorId?: string | null;
}

export interface Person {
  id: string;
  role: Role;
  institutionCode: string | null;
}

const PARTNER_KINDS: ReadonlySet<AlertKind> = new Set(['REGRESSION', 'STALE_REPORT', 'IMPORT_LANDED']);

/** Whether the person may read the alert at all (their role and institution, not their follows). */
export function mayReadAlert(person: Person, alert: AlertSubject): boolean {
  switch (person.role) {
    case 'ADMIN':
    case 'PROGRAM_MANAGER':
      return true;
    case 'EXECUTIVE':
      return alert.kind === 'HEALTH_CHANGED';
    case 'PARTNER':
      return !!person.institutionCode && alert.institutionCode === person.institutionCode && PARTNER_KINDS.has(alert.kind);
    default:
      return false;
  }
}

/** Following a program: the explicit choice, else program managers yes and everyone else no. */
export function isFollowing(person: Person, explicit: boolean | undefined): boolean {
  return explicit ?? person.role === 'PROGRAM_MANAGER';
}

export interface Listener extends Person {
  /** Explicit follow choices by program id. */
  follows: ReadonlyMap<string, boolean>;
  /** Chosen channels by kind. */
  channels: ReadonlyMap<AlertKind, DeliveryChannel>;
}

export function channelFor(listener: Listener, kind: AlertKind): DeliveryChannel {
  return listener.channels.get(kind) ?? 'IN_APP';
}

/** The channel the alert reaches this person by, or null when it does not reach them. */
export function deliveryFor(listener: Listener, alert: AlertSubject): Exclude<DeliveryChannel, 'OFF'> | null {
  if (!mayReadAlert(listener, alert)) return null;
  if (alert.kind !== 'HEALTH_CHANGED' && alert.actorId && alert.actorId === listener.id) return null;
  const staff = listener.role === 'ADMIN' || listener.role === 'PROGRAM_MANAGER';
  if (staff && !isFollowing(listener, listener.follows.get(alert.programId))) return null;
  const channel = channelFor(listener, alert.kind);
  return channel === 'OFF' ? null : channel;
}
