'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { DOMAIN_EVENT_KINDS } from '@/lib/events/types';
import { LIVE_CHANGE_EVENT } from './live-change';

/** Changes arriving together are shown together: one refresh per burst. */
const SETTLE_MS = 200;

/**
 * Keeps the open page current: on every event of the live stream (lib/events/stream.ts), the
 * server components of the page render again (router.refresh keeps the URL, the scroll position
 * and every client component's state: the timeline date, the drill-down, open panels) and the
 * client-side queries refetch (the query client hears LIVE_CHANGE_EVENT, components/ui/providers.tsx;
 * pages without one, like the weekly summary, have nothing to refetch). A past date shows the same figures unless the change rewrote that
 * past. The browser reconnects by itself and resumes after the last event it received.
 */
export function LiveUpdates({ since }: { since: number }) {
  const router = useRouter();
  // The first render's event id: what the page shows is as of then, so the stream starts there.
  // Later renders (after each refresh) keep the open stream, which resumes by itself.
  const [from] = useState(since);
  useEffect(() => {
    const source = new EventSource(`/api/events/stream?since=${from}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEvent = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        window.dispatchEvent(new Event(LIVE_CHANGE_EVENT));
        router.refresh();
      }, SETTLE_MS);
    };
    // ALERTS: new entries in the reader's inbox (the bell's count).
    for (const kind of [...DOMAIN_EVENT_KINDS, 'ALERTS']) source.addEventListener(kind, onEvent);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, from]);
  return null;
}
