/** Top-level sections of the app shell; labels are keys under `nav.*` in the message files. */
export const navItems = [
  { href: '/', labelKey: 'dashboard' },
  { href: '/portfolio', labelKey: 'portfolio' },
  { href: '/matrix', labelKey: 'matrix' },
  { href: '/institutions', labelKey: 'institutions' },
  { href: '/summary', labelKey: 'summary' },
  { href: '/admin', labelKey: 'admin' },
] as const;

export type NavItem = (typeof navItems)[number];

/** A section stays highlighted on its sub-pages (`/institutions/123`), but `/` only on itself. */
export function isActivePath(pathname: string | null, href: string): boolean {
  if (!pathname) return false;
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
