import { getDb } from '@/lib/db';
import { handleApi, queryOf } from '@/lib/api/handler';
import { getApiMatrix } from '@/lib/api/queries';
import { matrixQuerySchema } from '@/lib/api/schemas';
import { todayInShanghai } from '@/lib/time';

export const dynamic = 'force-dynamic';

/** The who-scans-whom matrix as of a date (default today in Shanghai) for one mode (default: consumer scans). */
export async function GET(request: Request) {
  return handleApi(request, async ({ ctx }) => {
    const query = matrixQuerySchema.parse(queryOf(request));
    return { body: await getApiMatrix(await getDb(), ctx.viewer, query.asOf ?? todayInShanghai(), query.mode ?? 'CONSUMER_SCANS') };
  });
}
