import type { ReactNode } from 'react';
import { isHttpUrl } from '@/lib/url';

/**
 * A link typed in by a partner or an importer: clickable only when it is a plain http(s) URL, opened
 * in a new tab without giving the target page a handle on ours. Anything else is shown as text.
 */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  if (!isHttpUrl(href)) return <span className="external-link-text">{children ?? href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
      {children ?? href}
    </a>
  );
}
