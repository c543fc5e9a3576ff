'use client';

import { useEffect, useRef, useState } from 'react';

/** Screen readers hear at most one announcement per this many milliseconds while the timeline moves. */
export const ANNOUNCE_EVERY_MS = 3_000;

/**
 * A polite live region that says `message` when it changes, but no more often than every
 * `everyMs`: while the timeline plays a week every 600 ms, a screen reader hears the date and the
 * headline figure every few seconds, and the last one once playback stops, instead of a queue of
 * every week. The first message (the page as loaded) is not announced.
 */
export function LiveAnnouncement({ message, everyMs = ANNOUNCE_EVERY_MS, testId }: { message: string; everyMs?: number; testId?: string }) {
  const [spoken, setSpoken] = useState('');
  const initial = useRef(message);
  const lastAt = useRef(0);

  useEffect(() => {
    if (message === initial.current && lastAt.current === 0) return;
    const wait = Math.max(0, lastAt.current + everyMs - Date.now());
    const timer = setTimeout(() => {
      lastAt.current = Date.now();
      setSpoken(message);
    }, wait);
    // A newer message within the wait replaces this one: only the latest is said.
    return () => clearTimeout(timer);
  }, [message, everyMs]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid={testId}>
      {spoken}
    </div>
  );
}
