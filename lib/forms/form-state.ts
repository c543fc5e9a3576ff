/**
 * What a form's Server Action answers: a localised message, and on failure the localised message of
 * each field at fault (keyed by dotted field path; '' for the whole form) plus, for unexpected
 * errors, the id under which the server logged it. Browser-safe.
 */
export type FormState =
  | { ok: true; message: string }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      errorId: string | null;
      /** Set when a version-checked edit lost the race: the row as the other person left it. */
      conflict?: VersionConflictDto;
    };

export type ConflictValue = string | number | boolean | null;

/** A version-checked row as it is now (payload-shaped values), and who changed it last. */
export interface VersionConflictDto {
  version: number;
  values: Record<string, ConflictValue>;
  /** Display name of the last person to change it; null when unknown or never changed in the app. */
  changedBy: string | null;
  /** "YYYY-MM-DD HH:mm:ss" Shanghai time of that change. */
  changedAtShanghai: string | null;
}
