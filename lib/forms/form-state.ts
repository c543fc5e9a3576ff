/**
 * What a form's Server Action answers: a localised message, and on failure the localised message of
 * each field at fault (keyed by dotted field path; '' for the whole form) plus, for unexpected
 * errors, the id under which the server logged it. Browser-safe.
 */
export type FormState =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors: Record<string, string>; errorId: string | null };
