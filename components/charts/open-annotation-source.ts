import { isHttpUrl } from '@/lib/url';

/**
 * Click handler for the charts' annotation pins: opens the event's source in a new tab, without
 * giving that page a handle on ours. The URL was already limited to http(s) by the option
 * builder; it is checked again here because this is where it is followed.
 */
export function openAnnotationSource(params: { name: string; data?: unknown; componentType?: string }): void {
  if (params.componentType !== undefined && params.componentType !== 'markPoint') return;
  const data = params.data as { sourceUrl?: unknown } | undefined;
  const url = typeof data?.sourceUrl === 'string' ? data.sourceUrl : null;
  if (isHttpUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
}
