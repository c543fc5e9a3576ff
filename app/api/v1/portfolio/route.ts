import { getDb } from '@/lib/db';
import { handleApi, queryOf } from '@/lib/api/handler';
import { getApiPortfolio } from '@/lib/api/queries';
import { portfolioQuerySchema } from '@/lib/api/schemas';
import { todayInShanghai } from '@/lib/time';

export const dynamic = 'force-dynamic';

/** Every program as of a date (default today in Shanghai), riskiest first. */
export async function GET(request: Request) {
  return handleApi(request, async ({ ctx }) => {
    const query = portfolioQuerySchema.parse(queryOf(request));
    return { body: await getApiPortfolio(await getDb(), ctx.viewer, query.asOf ?? todayInShanghai()) };
  });
}
