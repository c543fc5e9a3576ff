import { z } from 'zod';

/** Longest search term accepted: longer than any division name or pinyin, short enough to be cheap. */
export const SEARCH_QUERY_MAX = 40;

/** Query of GET /api/search: the dashboard's province and city search box. */
export const searchQuery = z.object({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
});
