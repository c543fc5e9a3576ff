/**
 * The one test for links typed in by partners, admins and importers (evidence, annotation
 * sources): only absolute http(s) URLs with a host may be stored or become clickable, never
 * `javascript:`, `data:`, relative links or text with spaces that a browser would half-parse.
 */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value || !/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
