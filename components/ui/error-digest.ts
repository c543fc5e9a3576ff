/**
 * The server-side error id Next.js attaches to errors from Server Components. Only this id is ever
 * shown: messages and stacks can contain SQL, paths or personal data.
 */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  const { digest } = error as { digest: unknown };
  return typeof digest === 'string' && digest.length > 0 ? digest : undefined;
}
