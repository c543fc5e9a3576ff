import { getDb } from '@/lib/db';
import { handleApi, queryOf } from '@/lib/api/handler';
import { listApiHistory } from '@/lib/api/queries';
import { historyQuerySchema, slugParam } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** Status changes of the program, oldest first, paged with `limit` and `cursor`. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(request, async ({ ctx }) => {
    const slug = slugParam.parse((await params).slug);
    const query = historyQuerySchema.parse(queryOf(request));
    return { body: await listApiHistory(await getDb(), ctx.viewer, slug, query) };
  });
}
