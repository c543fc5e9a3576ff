import { getDb } from '@/lib/db';
import { handleApi, queryOf } from '@/lib/api/handler';
import { getApiCoverage } from '@/lib/api/queries';
import { coverageQuerySchema, slugParam } from '@/lib/api/schemas';
import { todayInShanghai } from '@/lib/time';

export const dynamic = 'force-dynamic';

/**
 * Coverage as of a date (default today in Shanghai), per province, with the projection; with an
 * ETag, and 304 to an `If-None-Match` naming it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(request, async ({ ctx }) => {
    const slug = slugParam.parse((await params).slug);
    const query = coverageQuerySchema.parse(queryOf(request));
    const answer = await getApiCoverage(await getDb(), ctx.viewer, slug, query.asOf ?? todayInShanghai());
    return { body: answer.value, etag: answer.etag };
  });
}
