/**
 * Dispatched on `window` by LiveUpdates (live-updates.tsx) when the live stream reports a change;
 * the query client (providers.tsx) refetches on it. An event rather than a shared context, because
 * the stream lives in the plain signed-in frame and the query client only under the pages that use
 * it.
 */
export const LIVE_CHANGE_EVENT = 'hutong:live-change';
